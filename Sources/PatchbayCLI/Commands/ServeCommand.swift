import ArgumentParser
import Foundation
import Logging
import PatchbayCore
import PatchbayServer

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
            let runtime = try Runtime(data: data, plugins: pluginFile, logger: Self.logger)
            // A server serves every provider: load them all now (each within its deadlines), not on the first
            // request that needs one, and log what did not load at startup.
            _ = runtime.context.providers.catalog
            try await serve(
                configuration: ServerConfiguration(host: host, port: port, syncWorkers: syncWorkers),
                context: runtime.context
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
