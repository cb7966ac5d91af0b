import ArgumentParser
import PatchbayCore

/// `patchbay users create`.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add users to workspaces.",
        subcommands: [Create.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user (created if new) to a workspace with a role. Then issue them a token."
        )

        @OptionGroup var data: DataOptions
        @Argument(help: "The user's name.") var name: String
        @Option(help: "Workspace id or name.") var workspace: String
        @Option(help: "owner, admin, member or viewer.") var role: String = "member"
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors {
                guard let role = Role(rawValue: role) else {
                    throw CLIError("--role \(role): unknown; use owner, admin, member or viewer")
                }
                let runtime = try Runtime(data: data, plugins: nil)
                let user = try await IdentityService(context: runtime.context)
                    .addUser(try runtime.caller(), name: name, workspace: workspace, role: role)
                if json {
                    try JSONOutput.print(user)
                } else {
                    print("Added user \(user.id) '\(user.name)' to workspace '\(workspace)' as \(role.rawValue).")
                    print("Issue a token for them with: patchbay tokens create --user \(user.name)")
                }
            }
        }
    }
}
