import Foundation
import Logging
import PatchbayCore
import Storage

/// Everything a data command needs, opened from the data directory: the database, the keyring and — for commands
/// that call providers — the plugins.
struct Runtime {
    let context: CoreContext
    private let data: DataOptions

    init(data: DataOptions, plugins: PluginFileOptions?) throws {
        let environment = ProcessInfo.processInfo.environment
        let directory = data.resolvedDataDirectory(environment: environment)
        let database: SQLiteStore
        do {
            database = try SQLiteStore(directory: directory)
        } catch {
            throw CLIError(error.description, exitCode: 78)
        }
        let cipher = try KeyringCipher(dataDirectory: directory, environment: environment)
        let providers: any ProviderDirectory = try plugins.map { try Self.loadProviders($0) } ?? NoProviders()
        context = CoreContext(
            database: database,
            providers: providers,
            cipher: cipher,
            logger: StandardError.logger(label: "patchbay")
        )
        self.data = data
    }

    /// The authenticated caller, from `$PATCHBAY_TOKEN` or `--token-file`.
    func caller() throws -> Caller {
        try IdentityService(context: context).authenticate(token: data.token())
    }

    private static func loadProviders(_ options: PluginFileOptions) throws -> any ProviderDirectory {
        PluginProviderDirectory(registry: try options.loadRegistry())
    }
}

/// For commands that call no provider.
struct NoProviders: ProviderDirectory {
    func provider(id: String) -> (any NetworkProvider)? { nil }
}
