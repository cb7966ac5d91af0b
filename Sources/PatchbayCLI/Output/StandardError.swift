import Foundation
import Logging

/// Writes diagnostics to stderr, so stdout stays clean for tables and JSON.
enum StandardError {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A swift-log handler writing to stderr.
    static func logHandler(label: String) -> any LogHandler {
        StreamLogHandler.standardError(label: label)
    }
}
