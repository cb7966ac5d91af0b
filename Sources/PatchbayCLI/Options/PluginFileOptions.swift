import ArgumentParser
import Foundation

/// Which plugins.yaml to read: `--plugins FILE`, else `$PATCHBAY_PLUGINS`, else `./plugins.yaml`.
struct PluginFileOptions: ParsableArguments {
    @Option(name: .customLong("plugins"), help: "The plugins file (else $PATCHBAY_PLUGINS, else ./plugins.yaml).")
    var pluginsFile: String?

    func resolvedPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let pluginsFile { return pluginsFile }
        if let fromEnvironment = environment["PATCHBAY_PLUGINS"], !fromEnvironment.isEmpty { return fromEnvironment }
        return "plugins.yaml"
    }
}
