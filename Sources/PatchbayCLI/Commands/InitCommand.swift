import ArgumentParser
import PatchbayCore

/// `patchbay init`: first run — the owner, a workspace and the first API token.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the first user (owner), a workspace and an API token. Runs once per data directory."
    )

    @OptionGroup var data: DataOptions

    @Option(help: "The owner's user name.")
    var owner = "admin"

    @Option(help: "The first workspace's name.")
    var workspace = "default"

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() async throws {
        try await reportingErrors {
            let runtime = try Runtime(data: data, plugins: nil)
            let issued = try await IdentityService(context: runtime.context).initialize(
                ownerName: owner,
                workspaceName: workspace
            )
            if json {
                try JSONOutput.print(issued)
            } else {
                print(
                    "Created user '\(issued.user.name)' (owner) and workspace '\(issued.workspace?.name ?? workspace)'."
                )
                print("API token (shown once; keep it secret):")
                print(issued.token)
                print("Use it with: export PATCHBAY_TOKEN=<token>   or   --token-file FILE")
            }
        }
    }
}
