import Foundation
import HTTPClient
import Logging
import Synchronization

/// The logger a runner's output goes to; it learns the plugin's id once the descriptor arrived.
final class RunnerOutputTarget: Sendable {
    private let logger: Mutex<Logger>

    init(_ logger: Logger, path: String) {
        var logger = logger
        logger[metadataKey: "plugin"] = "\(path)"
        self.logger = Mutex(logger)
    }

    func tag(providerID: String) {
        logger.withLock { $0[metadataKey: "provider"] = "\(providerID)" }
    }

    var current: Logger { logger.withLock { $0 } }
}

/// A runner's stdout and stderr: read line by line on a thread of its own and logged, tagged with the plugin.
/// stdout is never the plugin's channel to anything; whatever it prints is a log line.
enum RunnerOutput {
    static func pump(_ descriptor: Int32, target: RunnerOutputTarget) {
        // Closed exactly once, below, when the runner ends its output.
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        Thread.detachNewThread {
            var pending: [UInt8] = []
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(contentsOf: chunk)
                while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    emit(Array(pending[..<end]), target.current)
                    pending.removeSubrange(...end)
                }
                // A plugin printing without newlines must not grow the buffer without bound.
                if pending.count > 4096 {
                    emit(pending, target.current)
                    pending = []
                }
            }
            if !pending.isEmpty { emit(pending, target.current) }
            try? handle.close()
        }
    }

    private static func emit(_ bytes: [UInt8], _ logger: Logger) {
        logger.notice("plugin output: \(PluginMessage.oneLine(bytes))")
    }
}

/// A WIRE_LOG frame as a log line, redacted with the call's credentials when it belongs to a call.
enum RunnerLog {
    static func write(_ payload: [UInt8], call: CallContext?, logger: Logger) {
        var reader = WireReader(payload)
        let level = PluginLogging.level(reader.i32())
        let logger = call?.logger ?? logger
        guard logger.logLevel <= level else { return }
        let text = PluginMessage.oneLine(reader.data(), limit: 16 << 10)
        logger.log(level: level, "\(call?.redactor.redact(text) ?? text)")
    }
}
