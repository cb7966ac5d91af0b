import Logging
import Synchronization

/// Where plugin log lines go when the plugin logs outside a call (`call == NULL`), so the host cannot tell which
/// plugin it is: the logger of the registry loaded last, never swift-log's default stdout handler.
enum PluginLogging {
    private static let fallback = Mutex<Logger?>(nil)

    static var logger: Logger {
        fallback.withLock { $0 } ?? Logger(label: "patchbay.plugin") { _ in SwiftLogNoOpLogHandler() }
    }

    static func use(_ logger: Logger) {
        var logger = logger
        logger[metadataKey: "provider"] = "(outside a call)"
        fallback.withLock { $0 = logger }
    }
}

extension PluginLogging {
    /// A PATCHBAY_LOG_* level as a swift-log level; an unknown level logs as info.
    static func level(_ level: Int32) -> Logger.Level {
        switch level {
        case 0: .debug
        case 2: .warning
        case 3: .error
        default: .info
        }
    }
}
