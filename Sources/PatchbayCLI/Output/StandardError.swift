import Foundation
import Logging

/// Writes diagnostics to stderr, so stdout stays clean for tables and JSON.
enum StandardError {
    /// One line, neutralized: error messages and progress lines carry provider and user strings.
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.neutralized(line) + "\n").utf8))
    }

    /// A swift-log handler writing to stderr, with messages and metadata neutralized.
    static func logHandler(label: String) -> any LogHandler {
        NeutralizingLogHandler(StreamLogHandler.standardError(label: label))
    }

    /// A logger to stderr at warning level; `PATCHBAY_LOG_LEVEL` (trace … critical) changes the level.
    static func logger(label: String) -> Logger {
        var logger = Logger(label: label) { logHandler(label: $0) }
        let level = ProcessInfo.processInfo.environment["PATCHBAY_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = level ?? .warning
        return logger
    }
}
