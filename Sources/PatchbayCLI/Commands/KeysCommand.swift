import ArgumentParser
import PatchbayCore

/// `patchbay keys rotate`.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage the keys that encrypt stored credentials.",
        subcommands: [Rotate.self]
    )

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-encrypt every stored credential under a new key, in one transaction."
        )

        @OptionGroup var data: DataOptions
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors {
                let runtime = try Runtime(data: data, plugins: nil)
                let summary = try await KeyRotationService(context: runtime.context).rotate(try runtime.caller())
                if json { return try JSONOutput.print(summary) }
                print("Re-encrypted \(summary.reencrypted) credential(s) under key \(summary.currentKeyID).")
            }
        }
    }
}
