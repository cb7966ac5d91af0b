import ArgumentParser

/// `patchbay plugins`: the provider plugins of plugins.yaml.
struct PluginsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List, inspect and check provider plugins, and start a new one.",
        subcommands: [
            PluginsListCommand.self, PluginsInspectCommand.self, PluginsCheckCommand.self, PluginsNewCommand.self,
        ],
        defaultSubcommand: PluginsListCommand.self
    )
}
