import ArgumentParser
import PluginHost

/// `patchbay plugins list`: every entry of plugins.yaml, loaded or not, with the reason when not.
struct PluginsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the plugins of plugins.yaml and whether each loaded.",
        discussion: "Exits 0 even when some plugins failed to load; exits 78 when the file itself is unusable."
    )

    @OptionGroup var pluginFile: PluginFileOptions

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    func run() async throws {
        try await reportingErrors(json: json) { try list() }
    }

    private func list() throws {
        let registry = try pluginFile.loadRegistry()
        let rows = registry.plugins.map(PluginsListRow.init)
        if json {
            try JSONOutput.print(rows)
            return
        }
        guard !rows.isEmpty else {
            say("No plugins in \(registry.file).")
            return
        }
        var table = TextTable(headers: ["ID", "NAME", "VERSION", "VENDOR", "ABI", "STATUS", "PATH"])
        for row in rows {
            table.append([
                row.id ?? "-", row.name ?? "-", row.version ?? "-", row.vendor ?? "-", row.abi ?? "-", row.status,
                DisplayPath.relative(row.path),
            ])
        }
        print(table.render())
        let failures = rows.filter { $0.error != nil }
        if !failures.isEmpty {
            say("")
            for row in failures {
                say("\(row.status): \(DisplayPath.relative(row.path)): \(row.error ?? "")")
            }
        }
    }
}
