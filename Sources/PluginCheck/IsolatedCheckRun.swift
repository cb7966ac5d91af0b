package import Foundation
import Synchronization

/// Runs the checker in a child process that streams `CheckEvent` JSON lines, so a plugin that crashes (a double
/// free, a NULL dereference) fails the check it crashed in instead of taking the checker down.
package struct IsolatedCheckRun: Sendable {
    /// The program and arguments that run `ConformanceChecker` and stream its events on stdout.
    package let executable: String
    package let arguments: [String]
    package let plugin: String
    /// Bytes for the child's stdin (the credentials, so they never show in `ps`).
    package let input: Data?

    package init(executable: String, arguments: [String], plugin: String, input: Data? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.plugin = plugin
        self.input = input
    }

    package func run() throws -> CheckReport {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // The Swift runtime's backtracer would bury the C library's own abort message ("double free detected").
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let standardInput = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : standardInput
        try process.run()
        if let input {
            standardInput.fileHandleForWriting.write(input)
            try standardInput.fileHandleForWriting.close()
        }
        let errorDrain = Thread.detachedRead(errors.fileHandleForReading)
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = String(decoding: errorDrain.wait(), as: UTF8.self)
        return report(events: decode(stdout), process: process, stderr: stderr)
    }

    private func decode(_ data: Data) -> [CheckEvent] {
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(CheckEvent.self, from: $0) }
    }

    private func report(events: [CheckEvent], process: Process, stderr: String) -> CheckReport {
        var checks: [CheckResult] = []
        var running: String?
        for event in events {
            switch event {
            case .started(let name): running = name
            case .finished(let result):
                checks.append(result)
                if running == result.name { running = nil }
            }
        }
        let crashed = process.terminationReason == .uncaughtSignal
        if crashed || (process.terminationStatus != 0 && running != nil) {
            let how =
                crashed
                ? "the plugin crashed the process (signal \(process.terminationStatus)\(Self.signalName(process.terminationStatus)))"
                : "the process exited with status \(process.terminationStatus)"
            let last = Self.abortLine(stderr).map { "; it printed: \($0)" } ?? ""
            let hint =
                process.terminationStatus == 6
                ? "; an abort in free() means a double free or a free of memory the plugin does not own"
                : ""
            checks.append(CheckResult(name: running ?? "process", outcome: .fail, detail: how + last + hint))
            checks.append(CheckResult(name: "calls", outcome: .skip, detail: "not run after the crash"))
        } else if process.terminationStatus != 0 && checks.isEmpty {
            let text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            checks.append(
                CheckResult(name: "process", outcome: .fail, detail: text.isEmpty ? "the checker failed" : text)
            )
        }
        return CheckReport(plugin: plugin, checks: checks)
    }

    /// The C library's own reason for an abort (`free(): double free detected in tcache 2`), else the last line.
    private static func abortLine(_ stderr: String) -> String? {
        let lines = stderr.split(whereSeparator: \.isNewline).map(String.init)
        let markers = ["free()", "double free", "corrupted", "malloc", "munmap_chunk"]
        return lines.first { line in markers.contains { line.contains($0) } } ?? lines.last
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
