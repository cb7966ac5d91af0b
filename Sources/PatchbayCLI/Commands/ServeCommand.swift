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

    func run() async throws {
        try await reportingErrors {
            let runtime = try Runtime(data: data, plugins: pluginFile, logger: Self.logger)
            try await serve(configuration: ServerConfiguration(host: host, port: port), context: runtime.context)
        }
    }

    /// Info and above to stderr; `PATCHBAY_LOG_LEVEL` (trace … critical) changes the level.
    private static var logger: Logger {
        var logger = Logger(label: "patchbay.server") { StandardError.logHandler(label: $0) }
        let level = ProcessInfo.processInfo.environment["PATCHBAY_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = level ?? .info
        return logger
    }
}
