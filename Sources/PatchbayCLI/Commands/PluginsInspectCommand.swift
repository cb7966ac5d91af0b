import ArgumentParser
import PluginHost

/// `patchbay plugins inspect ID`: what one plugin declares and how plugins.yaml configures it.
struct PluginsInspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a plugin's metadata, credential fields, settings, capabilities, hosts and rate budgets."
    )

    @OptionGroup var pluginFile: PluginFileOptions

    @Flag(help: "Print a JSON object instead of text.")
    var json = false

    @Argument(help: "The provider id, as `patchbay plugins list` shows it.")
    var id: String

    func run() async throws {
        try await reportingErrors(json: json) {
            let registry = try pluginFile.loadRegistry()
            let candidates = registry.plugins.filter { $0.id == id }
            guard let plugin = candidates.first(where: \.isLoaded) ?? candidates.first else {
                let known = registry.plugins.compactMap(\.id)
                throw CLIError(
                    "\(registry.file): no plugin with id '\(id)' (known: \(known.joined(separator: ", "))); "
                        + "run `patchbay plugins list` to see them"
                )
            }
            let details = PluginsInspectDetails(plugin, provider: registry.provider(id: id))
            if json {
                try JSONOutput.print(details)
            } else {
                sayLines(details.text)
            }
        }
    }
}
