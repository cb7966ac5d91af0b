import Foundation
import Synchronization

/// A program started in the background (a `patchbay` sync, `serve`, `worker`) that a test can signal, kill, wait
/// for, and watch: its stderr is drained on a thread of its own as it arrives, so a test can await a line.
package final class ChildProcess: Sendable {
    private let process: Process
    private let outputFile: String
    private let standardError = Mutex(Data())
    /// Signalled after every stderr chunk and once at its end, so waiters re-check without polling.
    private let arrived = DispatchSemaphore(value: 0)
    private let ended = Atomic<Bool>(false)

    /// Starts `executable`; `environment` entries are added to the current environment.
    package init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("patchbay-child-\(UUID())").path
        FileManager.default.createFile(atPath: outputFile, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: outputFile)
        let pipe = Pipe()
        process.standardError = pipe
        try process.run()
        self.process = process
        let reader = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                standardError.withLock { $0.append(chunk) }
                arrived.signal()
            }
            ended.store(true, ordering: .releasing)
            arrived.signal()
        }
    }

    package var processIdentifier: Int32 { process.processIdentifier }

    /// What the child printed to stderr so far.
    package var standardErrorSoFar: String {
        String(decoding: standardError.withLock { $0 }, as: UTF8.self)
    }

    /// Waits until stderr matches `pattern` (a regular expression) and returns the match; nil when the child's
    /// stderr ended or `limit` passed first.
    package func waitForStandardError(
        matching pattern: String,
        within limit: Duration = .seconds(30)
    ) async throws
        -> String?
    {
        let deadline = DispatchTime.now() + .milliseconds(Int(limit.components.seconds * 1000))
        return try await onItsOwnThread { [self] in
            while true {
                let text = standardErrorSoFar
                if let range = text.range(of: pattern, options: .regularExpression) { return String(text[range]) }
                if ended.load(ordering: .acquiring) { return nil }
                if arrived.wait(timeout: deadline) == .timedOut { return nil }
            }
        }
    }

    /// Sends `signal` (SIGINT, SIGTERM, SIGKILL) to the child.
    package func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits (off the cooperative pool) for the child to exit and returns what it printed.
    package func waitForExit() async throws -> ProcessOutput {
        let output = try await onItsOwnThread { [self] in
            process.waitUntilExit()
            return String(decoding: FileManager.default.contents(atPath: outputFile) ?? Data(), as: UTF8.self)
        }
        // stderr's drain ends when the child's end of the pipe closes, which exiting does.
        _ = try await waitForStandardError(matching: "\\z.\\A", within: .seconds(5))
        try? FileManager.default.removeItem(atPath: outputFile)
        return ProcessOutput(
            status: process.terminationStatus,
            standardOutput: output,
            standardError: standardErrorSoFar
        )
    }

    deinit {
        // A test that failed halfway must not leave its child running.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// Blocking waits (a child's exit, its stderr) run on a thread of their own, never on the cooperative pool.
private func onItsOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
