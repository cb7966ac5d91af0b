import ArgumentParser

/// The `patchbay` command: connects workspaces to cloud network providers.
@main
struct Patchbay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patchbay",
        abstract: "Connect workspaces to cloud network providers and keep their networks in sync.",
        subcommands: [
            InitCommand.self, WorkspacesCommand.self, UsersCommand.self, TokensCommand.self, IntegrationsCommand.self,
            NetworksCommand.self, SyncsCommand.self, KeysCommand.self, AdminsCommand.self, SettingsCommand.self,
            PluginsCommand.self, ServeCommand.self, WorkerCommand.self, MigrateCommand.self,
        ]
    )
}
