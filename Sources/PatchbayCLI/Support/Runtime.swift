import Foundation
import Logging
import PatchbayCore

/// Everything a data command needs, opened from the data directory: the database, the keyring and — for commands
/// that call providers — the plugins. The CLI's one call of `CoreContext.open`; `serve` opens through it too.
struct Runtime {
    let context: CoreContext
    private let data: DataOptions

    init(
        data: DataOptions,
        plugins: PluginFileOptions?,
        logger: Logger = StandardError.logger(label: "patchbay")
    ) throws {
        // Plugins may print, even while they are opened: the CLI's stdout is set aside first.
        if plugins != nil { StandardOutput.reserve() }
        let environment = ProcessInfo.processInfo.environment
        let configuration = CoreConfiguration(
            dataDirectory: data.resolvedDataDirectory(environment: environment),
            database: try data.resolvedDatabase(environment: environment),
            masterKeyFile: data.masterKeyFile,
            providers: plugins.map { .manifest(path: $0.path) } ?? .none,
            environment: environment,
            logger: logger
        )
        do {
            context = try CoreContext.open(configuration)
        } catch let error as CoreOpenError {
            // A data directory or plugins file that cannot be used: EX_CONFIG.
            throw CLIError(error.description, exitCode: 78)
        }
        self.data = data
    }

    /// The authenticated caller, from `$PATCHBAY_TOKEN` or `--token-file`.
    func caller() throws -> Caller {
        try IdentityService(context: context).authenticate(token: data.token())
    }
}
