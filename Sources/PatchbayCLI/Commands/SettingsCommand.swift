import ArgumentParser
import PatchbayCore

/// `patchbay settings list|set`: installation-wide settings.
struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change installation settings (workspace_creation: admins or everyone).",
        subcommands: [List.self, Set.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show every installation setting.")

        @OptionGroup var data: DataOptions
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors(json: json) {
                let runtime = try Runtime(data: data, plugins: nil)
                let settings = try InstallationService(context: runtime.context).settings(try runtime.caller())
                if json { return try JSONOutput.print(settings) }
                var table = TextTable(headers: ["SETTING", "VALUE"])
                table.rows = settings.keys.sorted().map { [$0, settings[$0] ?? ""] }
                print(table.render())
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an installation setting (administrators).")

        @OptionGroup var data: DataOptions
        @Argument(help: "The setting, e.g. workspace_creation.") var name: String
        @Argument(help: "The value, e.g. everyone.") var value: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors(json: json) {
                let runtime = try Runtime(data: data, plugins: nil)
                let service = InstallationService(context: runtime.context)
                let caller = try runtime.caller()
                try await service.set(caller, setting: name, to: value)
                if json { return try JSONOutput.print(try service.settings(caller)) }
                say("\(name) is now \(value).")
            }
        }
    }
}
