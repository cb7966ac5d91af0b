import ArgumentParser
import PatchbayCore

/// `patchbay tokens create|list|revoke`.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Issue, list and revoke API tokens.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a token (shown once) for yourself, or for a user of a workspace you administer."
        )

        @OptionGroup var data: DataOptions
        @Option(help: "A name to recognise the token by.") var name = "cli"
        @Option(help: "Issue it for this user instead of yourself.") var user: String?
        @Option(help: "Expire after this many days (1 to 3650, 10 years).") var expiresInDays: Int?
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors {
                let longest = Int(IdentityService.maximumTokenLifetime / 86_400)
                if let expiresInDays, !(1...longest).contains(expiresInDays) {
                    throw CLIError("--expires-in-days \(expiresInDays): out of range; use 1 to \(longest) (10 years)")
                }
                let runtime = try Runtime(data: data, plugins: nil)
                let issued = try await IdentityService(context: runtime.context).createToken(
                    try runtime.caller(),
                    name: name,
                    forUser: user,
                    expiresIn: expiresInDays.map { Double($0) * 86_400 }
                )
                if json { return try JSONOutput.print(issued) }
                print("Token \(issued.tokenID ?? 0) for '\(issued.user.name)' (shown once; keep it secret):")
                print(issued.token)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List your tokens (never their values).")

        @OptionGroup var data: DataOptions
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors {
                let runtime = try Runtime(data: data, plugins: nil)
                let tokens = try IdentityService(context: runtime.context).tokens(try runtime.caller())
                if json { return try JSONOutput.print(tokens) }
                var table = TextTable(headers: ["ID", "NAME", "CREATED", "LAST USED", "STATUS"])
                table.rows = tokens.map {
                    [
                        "\($0.id)", $0.name, "\($0.createdAt)", $0.lastUsedAt.map { "\($0)" } ?? "never",
                        $0.revoked ? "revoked" : "active",
                    ]
                }
                print(table.render())
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke one of your tokens; it stops working at once."
        )

        @OptionGroup var data: DataOptions
        @Argument(help: "The token's id (see `patchbay tokens list`).") var id: Int64

        func run() async throws {
            try await reportingErrors {
                let runtime = try Runtime(data: data, plugins: nil)
                try await IdentityService(context: runtime.context).revokeToken(try runtime.caller(), id: id)
                print("Revoked token \(id).")
            }
        }
    }
}
