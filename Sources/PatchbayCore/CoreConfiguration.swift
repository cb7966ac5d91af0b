package import Foundation
package import Logging
package import Storage

/// Everything `CoreContext.open` needs to open the application: where the data lives, where the providers come from,
/// and the process's environment (master key variables), clock and logger.
package struct CoreConfiguration: Sendable {
    /// Where the providers come from.
    package enum Providers: Sendable {
        /// No provider: commands and tests that never call one.
        case none
        /// The plugins listed by a plugins.yaml, loaded now (a plugin that fails is listed with its reason).
        case manifest(path: String)
        /// Providers the caller built itself (tests and benchmarks: scripted or seeded providers).
        case directory(any ProviderDirectory)
    }

    package var dataDirectory: String
    /// A PostgreSQL database shared by several instances (issue 12); nil keeps SQLite in the data directory.
    package var database: DatabaseURL?
    /// `--master-key-file`: the master key's file when `PATCHBAY_MASTER_KEY` is unset (required with PostgreSQL
    /// unless the variable is set, since every instance must use the same key).
    package var masterKeyFile: String?
    package var providers: Providers
    package var environment: [String: String]
    package var logger: Logger
    package var clock: @Sendable () -> Date

    package init(
        dataDirectory: String,
        database: DatabaseURL? = nil,
        masterKeyFile: String? = nil,
        providers: Providers = .none,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.dataDirectory = dataDirectory
        self.database = database
        self.masterKeyFile = masterKeyFile
        self.providers = providers
        self.environment = environment
        self.logger = logger
        self.clock = clock
    }
}
