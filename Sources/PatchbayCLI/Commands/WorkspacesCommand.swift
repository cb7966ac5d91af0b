import ArgumentParser
import PatchbayCore

/// `patchbay workspaces create|list`.
struct WorkspacesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspaces",
        abstract: "Create and list workspaces.",
        subcommands: [Create.self, List.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a workspace; you become its owner.")

        @OptionGroup var data: DataOptions
        @Argument(help: "The workspace's name.") var name: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors {
                let runtime = try Runtime(data: data, plugins: nil)
                let workspace = try await IdentityService(context: runtime.context).createWorkspace(
                    try runtime.caller(),
                    name: name
                )
                if json {
                    try JSONOutput.print(workspace)
                } else {
                    print("Created workspace \(workspace.id) '\(workspace.name)'.")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the workspaces you belong to.")

        @OptionGroup var data: DataOptions
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors {
                let runtime = try Runtime(data: data, plugins: nil)
                let workspaces = try IdentityService(context: runtime.context).workspaces(try runtime.caller())
                if json { return try JSONOutput.print(workspaces) }
                var table = TextTable(headers: ["ID", "NAME", "ROLE"])
                table.rows = workspaces.map { ["\($0.id)", $0.name, $0.role?.rawValue ?? ""] }
                print(table.render())
            }
        }
    }
}
