import ArgumentParser
import Foundation
import Logging
import PatchbayCore
import PatchbayServer
import Storage

/// `patchbay serve`: the HTTP API on the same data directory and plugins.yaml as the other commands. Stops
/// gracefully on SIGTERM/SIGINT: new requests are refused and running syncs finish (or roll back) first.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API (JSON under /v1, bearer tokens)."
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var pluginFile: PluginFileOptions
    @Option(help: "Address to listen on; loopback unless you mean to expose the API.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Sync workers (and the scheduler) in this process; 0 leaves syncs to `patchbay worker`.")
    var syncWorkers = 4

    func validate() throws {
        guard syncWorkers >= 0 else { throw ValidationError("--sync-workers \(syncWorkers): use 0 or more") }
    }

    func run() async throws {
        try await reportingErrors {
            let environment = ProcessInfo.processInfo.environment
            let directory = data.resolvedDataDirectory(environment: environment)
            let database: SQLiteStore
            do {
                database = try SQLiteStore(directory: directory)
            } catch {
                throw CLIError("\(error)", exitCode: 78)
            }
            let logger = Self.logger
            let registry = try pluginFile.loadRegistry(
                rateLimitState: DatabaseRateLimitState(database: database, logger: logger)
            )
            let context = CoreContext(
                database: database,
                providers: PluginProviderDirectory(registry: registry),
                cipher: try KeyringCipher(dataDirectory: directory, environment: environment),
                logger: logger,
                jobs: SyncJobSettings(environment: environment)
            )
            try await serve(
                configuration: ServerConfiguration(host: host, port: port, syncWorkers: syncWorkers),
                context: context,
                registry: registry,
                logger: logger
            )
        }
    }

    /// Info and above to stderr; `PATCHBAY_LOG_LEVEL` (trace … critical) changes the level.
    static var logger: Logger {
        var logger = Logger(label: "patchbay.server") { StandardError.logHandler(label: $0) }
        let level = ProcessInfo.processInfo.environment["PATCHBAY_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = level ?? .info
        return logger
    }
}
