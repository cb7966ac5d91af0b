package import Logging
import Synchronization

/// A `LogHandler` that keeps every entry in memory, so a test can read what was logged (and that no secret was).
package struct InMemoryLogHandler: LogHandler {
    /// One logged line.
    package struct Entry: Sendable {
        package let level: Logger.Level
        package let message: String
        package let metadata: Logger.Metadata

        /// Message and metadata as one string, the way a text handler would print them.
        package var line: String { "\(message) \(metadata)" }
    }

    /// The entries of every copy of one handler (loggers copy their handler on each metadata change).
    package final class Store: Sendable {
        private let lines = Mutex<[Entry]>([])

        package init() {}

        package var entries: [Entry] { lines.withLock { $0 } }

        func append(_ entry: Entry) {
            lines.withLock { $0.append(entry) }
        }
    }

    package let store: Store
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .trace

    package init(store: Store) {
        self.store = store
    }

    /// A trace-level logger that writes into a new store, and that store.
    package static func logger(label: String = "test") -> (logger: Logger, store: Store) {
        let store = Store()
        return (Logger(label: label) { _ in InMemoryLogHandler(store: store) }, store)
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        store.append(Entry(level: event.level, message: event.message.description, metadata: merged))
    }
}
