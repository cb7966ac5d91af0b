import ArgumentParser
import Foundation
import HTTPClient
import Logging
import PluginHost

/// Which plugins.yaml to use: `--plugins FILE`, else `$PATCHBAY_PLUGINS`, else `./plugins.yaml`.
///
/// Commands that need providers add `@OptionGroup var pluginFile: PluginFileOptions` and call `loadRegistry()`.
struct PluginFileOptions: ParsableArguments {
    @Option(
        name: .customLong("plugins"),
        help: ArgumentHelp("The plugins file (default: $PATCHBAY_PLUGINS, else ./plugins.yaml).", valueName: "file")
    )
    var file: String?

    /// The file this invocation uses.
    var path: String {
        if let file { return file }
        if let variable = ProcessInfo.processInfo.environment["PATCHBAY_PLUGINS"], !variable.isEmpty { return variable }
        return "plugins.yaml"
    }

    /// Loads every plugin of the file. A plugin that fails is listed with its reason; a file that cannot be used
    /// prints `error: <file>:<line>:<col>: ...` on stderr and exits 78 (EX_CONFIG).
    func loadRegistry(
        logger: Logger = Self.logger,
        rateLimitState: any RateLimitState = InMemoryRateLimitState()
    ) throws -> ProviderRegistry {
        // Plugins may print, even while they are opened: the CLI's stdout is set aside first.
        StandardOutput.reserve()
        do {
            return try ProviderRegistry.load(manifestPath: path, logger: logger, rateLimitState: rateLimitState)
        } catch {
            throw CLIError("\(error)", exitCode: 78)
        }
    }

    static var logger: Logger { StandardError.logger(label: "patchbay.plugins") }
}
