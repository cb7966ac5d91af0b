import Foundation
import Logging
import PatchbayCore
import Storage

/// Everything a data command needs, opened from the data directory: the database, the keyring and — for commands
/// that call providers — the plugins.
struct Runtime {
    let context: CoreContext
    private let data: DataOptions

    init(
        data: DataOptions,
        plugins: PluginFileOptions?,
        logger: Logger = StandardError.logger(label: "patchbay")
    ) throws {
        let environment = ProcessInfo.processInfo.environment
        let directory = data.resolvedDataDirectory(environment: environment)
        let database: SQLiteStore
        do {
            database = try SQLiteStore(directory: directory)
        } catch {
            throw CLIError(error.description, exitCode: 78)
        }
        let cipher = try KeyringCipher(dataDirectory: directory, environment: environment)
        // Rate budgets live in the database, so this process and every other on the same data share them.
        let budgets = DatabaseRateLimitState(database: database, logger: logger)
        let providers: any ProviderDirectory =
            try plugins.map { PluginProviderDirectory(registry: try $0.loadRegistry(rateLimitState: budgets)) }
            ?? NoProviders()
        context = CoreContext(
            database: database,
            providers: providers,
            cipher: cipher,
            logger: logger,
            jobs: SyncJobSettings(environment: environment)
        )
        self.data = data
    }

    /// The authenticated caller, from `$PATCHBAY_TOKEN` or `--token-file`.
    func caller() throws -> Caller {
        try IdentityService(context: context).authenticate(token: data.token())
    }
}

/// For commands that call no provider.
struct NoProviders: ProviderDirectory {
    func provider(id: String) -> (any NetworkProvider)? { nil }
}
