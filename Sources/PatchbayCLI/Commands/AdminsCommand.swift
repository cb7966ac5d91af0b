import ArgumentParser
import PatchbayCore

/// `patchbay admins list|add|remove`: the installation administrators.
struct AdminsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admins",
        abstract:
            "Manage installation administrators (they issue other users' tokens, create workspaces, rotate keys).",
        subcommands: [List.self, Add.self, Remove.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the installation administrators.")

        @OptionGroup var data: DataOptions
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors(json: json) {
                let runtime = try Runtime(data: data, plugins: nil)
                let admins = try InstallationService(context: runtime.context).admins(try runtime.caller())
                if json { return try JSONOutput.print(["admins": admins]) }
                var table = TextTable(headers: ["ID", "NAME"])
                table.rows = admins.map { ["\($0.id)", $0.name] }
                print(table.render())
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an existing user an installation administrator."
        )

        @OptionGroup var data: DataOptions
        @Argument(help: "The user's name.") var user: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await AdminsCommand.setAdmin(user, isAdmin: true, data: data, json: json) {
                "'\($0)' is an installation administrator."
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an installation administrator an ordinary user again (never the last one)."
        )

        @OptionGroup var data: DataOptions
        @Argument(help: "The user's name.") var user: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await AdminsCommand.setAdmin(user, isAdmin: false, data: data, json: json) {
                "'\($0)' is no longer an installation administrator."
            }
        }
    }

    /// Promotes or demotes one user, then prints the user (`--json`) or `sentence(name)`.
    static func setAdmin(
        _ userName: String,
        isAdmin: Bool,
        data: DataOptions,
        json: Bool,
        sentence: (String) -> String
    ) async throws {
        try await reportingErrors(json: json) {
            let runtime = try Runtime(data: data, plugins: nil)
            let user = try await InstallationService(context: runtime.context).setAdmin(
                try runtime.caller(),
                userName: userName,
                isAdmin: isAdmin
            )
            if json { return try JSONOutput.print(user) }
            say(sentence(user.name))
        }
    }
}
