import Logging
import PluginHost
import Storage

extension CoreContext {
    /// Opens the application: the database of the data directory (created and migrated if new), its keyring, and
    /// the providers. The one place a `CoreContext` is assembled, for the CLI, the server, tests and benchmarks.
    package static func open(_ configuration: CoreConfiguration) throws -> CoreContext {
        let database = try openDatabase(configuration)
        // A master key or keyring that is missing, corrupt or too open, or a lost keyring that stored credentials
        // still need, is a data directory the application cannot use (the CLI exits 78).
        let cipher: KeyringCipher
        do {
            cipher = try KeyringCipher(
                dataDirectory: configuration.dataDirectory,
                environment: configuration.environment,
                masterKeyFile: configuration.masterKeyFile,
                database: database,
                databaseName: configuration.database?.redacted ?? ""
            )
        } catch {
            throw CoreOpenError(description: error.message)
        }
        // Rate budgets live in the database, so this process and every other on the same data share them.
        let budgets = DatabaseRateLimitState(database: database, logger: configuration.logger)
        return CoreContext(
            database: database,
            providers: try providers(configuration.providers, logger: configuration.logger, budgets: budgets),
            cipher: cipher,
            clock: configuration.clock,
            logger: configuration.logger,
            jobs: SyncJobSettings(environment: configuration.environment)
        )
    }

    /// SQLite in the data directory, or the PostgreSQL database the configuration names (which must be migrated
    /// already: `patchbay migrate`). With PostgreSQL the master key must come from the variable or a named file:
    /// a key file made up in one machine's data directory would seal a keyring no other instance could open.
    private static func openDatabase(_ configuration: CoreConfiguration) throws -> any PatchbayStore {
        do {
            guard let url = configuration.database else {
                return try SQLiteStore(directory: configuration.dataDirectory)
            }
            let variable = configuration.environment["PATCHBAY_MASTER_KEY"] ?? ""
            guard !variable.isEmpty || configuration.masterKeyFile != nil else {
                throw CoreOpenError(
                    description:
                        "\(url.redacted): no master key; with a shared database every instance needs the same one: "
                        + "set PATCHBAY_MASTER_KEY or pass --master-key-file FILE"
                )
            }
            return try PostgresStore(url: url, logger: configuration.logger)
        } catch let error as StorageError {
            throw CoreOpenError(description: error.description)
        }
    }

    private static func providers(
        _ source: CoreConfiguration.Providers,
        logger: Logger,
        budgets: DatabaseRateLimitState
    ) throws -> any ProviderDirectory {
        switch source {
        case .none:
            return NoProviders()
        case .manifest(let path):
            do {
                return PluginProviderDirectory(
                    registry: try ProviderRegistry.load(manifestPath: path, logger: logger, rateLimitState: budgets)
                )
            } catch {
                throw CoreOpenError(description: error.description)
            }
        case .directory(let directory):
            return directory
        }
    }
}

/// Why the application could not open: a data directory or a plugins file it cannot use. The description is the
/// underlying one-line error (`<where>: <what went wrong>; <what to do>`).
package struct CoreOpenError: Error, CustomStringConvertible {
    package let description: String
}

/// The directory of a process that loaded no provider.
struct NoProviders: ProviderDirectory {
    func provider(id: String) -> (any NetworkProvider)? { nil }
    var catalog: [ProviderSummary] { [] }
}
