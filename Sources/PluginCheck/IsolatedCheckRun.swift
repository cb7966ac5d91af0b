package import Foundation
import Synchronization

/// Runs the checker in a child process that streams `CheckEvent` JSON lines, so a plugin that crashes (a double
/// free, a NULL dereference) fails the check it crashed in instead of taking the checker down.
package struct IsolatedCheckRun: Sendable {
    /// The program and arguments that run `ConformanceChecker` and stream its events on stdout. The child gets the
    /// credentials (when given) as one line on stdin, which then stays open until the child ends: its end of file
    /// tells the child this process is gone, so the child never outlives it (`CheckInput.watchParent`).
    package let executable: String
    package let arguments: [String]
    package let plugin: String
    /// Bytes for the child's stdin (the credentials, so they never show in `ps`), sent as one line.
    package let input: Data?
    /// The longest a single plugin call may take: past it the child is killed and the check that was running fails,
    /// naming the call.
    package let callTimeout: Duration

    package init(
        executable: String,
        arguments: [String],
        plugin: String,
        input: Data? = nil,
        callTimeout: Duration = .seconds(30)
    ) {
        self.executable = executable
        self.arguments = arguments
        self.plugin = plugin
        self.input = input
        self.callTimeout = callTimeout
    }

    /// Where the child was when it stopped reporting.
    private struct Progress {
        var events: [CheckEvent] = []
        var stray: [Data] = []
        var running: String?
        var call: String?
        /// Set when the child was killed because a call did not return in time.
        var hung = false
    }

    package func run() throws -> CheckReport {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // The Swift runtime's backtracer would bury the C library's own abort message ("double free detected").
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        let output = Pipe()
        let errors = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        try process.run()
        // Closed only once the child ended (or when this process dies): see `executable`.
        defer { try? standardInput.fileHandleForWriting.close() }
        if var line = input {
            line.append(UInt8(ascii: "\n"))
            standardInput.fileHandleForWriting.write(line)
        }
        let errorDrain = Thread.detachedRead(errors.fileHandleForReading)
        let progress = follow(LineStream(output.fileHandleForReading), process: process)
        process.waitUntilExit()
        let stderr = String(decoding: errorDrain.wait(), as: UTF8.self)
        var report = report(progress, process: process, stderr: stderr)
        // stdout carries the events; anything else on it came from the plugin, and would corrupt `--json` output.
        if let first = progress.stray.first {
            let shown = String(decoding: first.prefix(120), as: UTF8.self)
            report.checks.append(
                CheckResult(
                    name: "process.stdout",
                    outcome: .fail,
                    detail:
                        "the plugin writes to stdout (\(progress.stray.count) line(s), first: \"\(shown)\"); stdout is "
                        + "not the plugin's, log through patchbay_host.log"
                )
            )
        }
        return report
    }

    /// Reads the child's events as they come. When none comes for `callTimeout`, the plugin is stuck in a call:
    /// the child is killed, and the rest of its output (if any) is still read.
    private func follow(_ lines: LineStream, process: Process) -> Progress {
        let decoder = JSONDecoder()
        var progress = Progress()
        while true {
            switch lines.next(timeout: progress.hung ? nil : callTimeout) {
            case .end:
                return progress
            case .timedOut:
                progress.hung = true
                kill(process.processIdentifier, SIGKILL)
            case .line(let line):
                guard let event = try? decoder.decode(CheckEvent.self, from: line) else {
                    progress.stray.append(line)
                    continue
                }
                progress.events.append(event)
                switch event {
                case .started(let name):
                    progress.running = name
                    progress.call = nil
                case .calling(let name):
                    progress.call = name
                case .finished(let result):
                    if progress.running == result.name { progress.running = nil }
                    progress.call = nil
                }
            }
        }
    }

    private func report(_ progress: Progress, process: Process, stderr: String) -> CheckReport {
        var checks: [CheckResult] = progress.events.compactMap { event in
            if case .finished(let result) = event { result } else { nil }
        }
        let running = progress.running
        let during = progress.call.map { " during \($0)" } ?? ""
        let crashed = process.terminationReason == .uncaughtSignal
        if progress.hung {
            let what = progress.call.map { "\($0) did not return" } ?? "the plugin did not return"
            checks.append(
                CheckResult(
                    name: running ?? "process",
                    outcome: .fail,
                    detail: "\(what) within \(callTimeout) (the check was stopped); every call must return, and a "
                        + "long one must poll is_cancelled"
                )
            )
            checks.append(CheckResult(name: "calls", outcome: .skip, detail: "not run after the hang"))
        } else if crashed || running != nil {
            // A check that started and never finished ended the process, whatever the status: exit(0) in a call too.
            let signal = process.terminationStatus
            let how =
                crashed
                ? "the plugin crashed the process\(during) (signal \(signal)\(Self.signalName(signal)))"
                : "the process exited with status \(signal)\(during) (the plugin called exit)"
            let allocator = Self.allocatorLine(stderr)
            let last = (allocator ?? Self.lastLine(stderr)).map { "; it printed: \($0)" } ?? ""
            checks.append(
                CheckResult(
                    name: running ?? "process",
                    outcome: .fail,
                    detail: how + last + (crashed ? Self.hint(signal: signal, allocator: allocator != nil) : "")
                )
            )
            checks.append(CheckResult(name: "calls", outcome: .skip, detail: "not run after the crash"))
        } else if process.terminationStatus != 0 && checks.isEmpty {
            let text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            checks.append(
                CheckResult(name: "process", outcome: .fail, detail: text.isEmpty ? "the checker failed" : text)
            )
        } else if checks.isEmpty {
            // Nothing reported and a clean exit: the library ended the process while it was being opened.
            checks.append(
                CheckResult(
                    name: "abi.entry_point",
                    outcome: .fail,
                    detail: "the process exited with status \(process.terminationStatus) before any check reported: "
                        + "the library exits while loading (in a constructor); a library must do nothing when loaded"
                )
            )
        }
        return CheckReport(plugin: plugin, checks: checks)
    }

    /// What a crash by `signal` most likely means. An abort is a double free only when the C library said so.
    private static func hint(signal: Int32, allocator: Bool) -> String {
        switch signal {
        case SIGABRT where allocator:
            "; an abort in free() means a double free or a free of memory the plugin does not own"
        case SIGABRT:
            "; the plugin called abort() (or an assert failed): see what it printed"
        case SIGSEGV, SIGBUS:
            "; a bad pointer: NULL, freed, or memory the plugin does not own (or a list without its NULL terminator)"
        default:
            ""
        }
    }

    /// The C library's own reason for an abort in its allocator (`free(): double free detected in tcache 2`).
    private static func allocatorLine(_ stderr: String) -> String? {
        let markers = ["free()", "double free", "corrupted", "malloc", "munmap_chunk"]
        return stderr.split(whereSeparator: \.isNewline).map(String.init).first { line in
            markers.contains { line.contains($0) }
        }
    }

    private static func lastLine(_ stderr: String) -> String? {
        stderr.split(whereSeparator: \.isNewline).last.map(String.init)
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case 6: ", SIGABRT"
        case 11: ", SIGSEGV"
        case 7: ", SIGBUS"
        case 4: ", SIGILL"
        case 8: ", SIGFPE"
        default: ""
        }
    }
}

/// Reads a pipe to its end on a thread of its own, so a chatty child cannot fill it and block.
private final class PipeReader: Sendable {
    private let data = Mutex(Data())
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let bytes = handle.readDataToEndOfFile()
            data.withLock { $0 = bytes }
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data.withLock { $0 }
    }
}

extension Thread {
    fileprivate static func detachedRead(_ handle: FileHandle) -> PipeReader {
        PipeReader(handle)
    }
}
