import Logging
import PluginHost
import Storage

extension CoreContext {
    /// Opens the application: the database of the data directory (created and migrated if new), its keyring, and
    /// the providers. The one place a `CoreContext` is assembled, for the CLI, the server, tests and benchmarks.
    package static func open(_ configuration: CoreConfiguration) throws -> CoreContext {
        let database: SQLiteStore
        do {
            database = try SQLiteStore(directory: configuration.dataDirectory)
        } catch {
            throw CoreOpenError(description: error.description)
        }
        let cipher = try KeyringCipher(
            dataDirectory: configuration.dataDirectory,
            environment: configuration.environment
        )
        return CoreContext(
            database: database,
            providers: try providers(configuration.providers, logger: configuration.logger),
            cipher: cipher,
            clock: configuration.clock,
            logger: configuration.logger
        )
    }

    private static func providers(
        _ source: CoreConfiguration.Providers,
        logger: Logger
    ) throws -> any ProviderDirectory {
        switch source {
        case .none:
            return NoProviders()
        case .manifest(let path):
            do {
                return PluginProviderDirectory(registry: try ProviderRegistry.load(manifestPath: path, logger: logger))
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
