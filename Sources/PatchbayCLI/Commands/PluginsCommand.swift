import ArgumentParser

/// `patchbay plugins`: the provider plugins of plugins.yaml.
struct PluginsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List and inspect the provider plugins of plugins.yaml.",
        subcommands: [PluginsListCommand.self, PluginsInspectCommand.self],
        defaultSubcommand: PluginsListCommand.self
    )
}
