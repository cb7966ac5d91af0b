import Foundation
import PatchbayTestSupport
import Testing

/// The CLI against misbehaving plugins: whatever an in-process plugin prints stays out of `--json`, and a command
/// opens only the plugins it needs, so a broken entry cannot stop another provider's commands.
@Suite struct PluginIsolationCLITests {
    private func object(_ output: ProcessOutput) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any],
            "stdout is not one JSON object: \(output.standardOutput)"
        )
    }

    @Test func inProcessPluginThatPrintsNeverCorruptsJSONOutput() async throws {
        try await withCLI { cli in
            // Prints from a constructor when opened, and from validate.
            let library = try await MisbehavingPlugins.library("STDOUT")
            let file = try cli.folder.write(
                "plugins:\n  - path: \(library)\n    id: misbehaving\n    isolation: in-process\n",
                to: "printing.yaml"
            )
            let created = try await cli.run(
                [
                    "integrations", "create", "--workspace", "acme", "--provider", "misbehaving", "--name", "Chatty",
                    "--credentials-file", "-", "--json",
                ],
                input: "{}",
                pluginsFile: file
            )
            #expect(created.status == 0, "\(created.standardError)")
            // stdout is exactly the command's document; what the plugin printed went to stderr.
            let integration = try object(created)
            #expect(integration["provider"] as? String == "misbehaving")
            #expect(created.standardError.contains("constructor output"), "\(created.standardError)")
            #expect(created.standardError.contains("{\"corrupted\": true}"), "\(created.standardError)")
            let id = try #require(integration["id"] as? Int)

            let sync = try await cli.run(["networks", "sync", "--integration", "\(id)", "--json"], pluginsFile: file)
            #expect(sync.status == 0, "\(sync.standardError)")
            #expect(try object(sync)["status"] as? String == "succeeded")
            #expect(sync.standardError.contains("constructor output"))

            let listed = try await cli.run(["plugins", "list", "--json"], pluginsFile: file)
            let plugins = try #require(
                try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]],
                "\(listed.standardOutput)"
            )
            #expect(plugins.map { $0["id"] as? String } == ["misbehaving"])
            #expect(listed.standardError.contains("constructor output"))
        }
    }

    /// Entries in front of the good one that would end the process (exit or crash while opened in-process), stall
    /// it, or are missing; each names its id, so a command for another provider has no reason to open it.
    private func brokenEntries(isolation: String) async throws -> String {
        let exits = try await MisbehavingPlugins.library("CONSTRUCTOR_EXIT")
        let crashes = try await MisbehavingPlugins.library("UNTERMINATED_LIST")
        let stalls = try await MisbehavingPlugins.library("SLOW_ENTRY")
        return """
              - path: \(exits)
                id: exits
                isolation: \(isolation)
              - path: \(crashes)
                id: crashes
                isolation: \(isolation)
              - path: \(stalls)
                id: stalls
                isolation: in-process
                timeouts:
                  load: 1
              - path: /nonexistent/libgone.so
                id: gone

            """
    }

    @Test func commandsOnAGoodProviderNeverOpenTheBrokenEntries() async throws {
        try await withCLI { harness in
            var cli = harness
            // Every entry that fails to load says so at notice level: none may appear.
            cli.environment["PATCHBAY_LOG_LEVEL"] = "notice"
            let file = try cli.folder.write(
                "plugins:\n" + (try await brokenEntries(isolation: "in-process")) + cli.fake.pluginEntry + "\n",
                to: "broken.yaml"
            )
            let created = try await cli.run(
                [
                    "integrations", "create", "--workspace", "acme", "--provider", "meraki", "--name", "HQ",
                    "--credentials-file", "-", "--json",
                ],
                input: "{\"api_key\": \"\(FakeMerakiDataset.goodKey)\"}",
                pluginsFile: file
            )
            #expect(created.status == 0, "\(created.standardError)")
            let id = try #require(try object(created)["id"] as? Int)
            #expect(!created.standardError.contains("not loaded"), "\(created.standardError)")

            let sync = try await cli.run(["networks", "sync", "--integration", "\(id)", "--json"], pluginsFile: file)
            #expect(sync.status == 0, "\(sync.standardError)")
            let run = try object(sync)
            #expect(run["status"] as? String == "succeeded")
            #expect(run["created"] as? Int == 10)
            #expect(!sync.standardError.contains("not loaded"), "\(sync.standardError)")
        }
    }

    @Test func pluginsListStillReportsEveryEntry() async throws {
        try await withCLI { cli in
            // In process isolation, so opening them all (as list must) ends no process but their runners.
            let file = try cli.folder.write(
                "plugins:\n" + (try await brokenEntries(isolation: "process")) + cli.fake.pluginEntry + "\n",
                to: "broken.yaml"
            )
            let listed = try await cli.run(["plugins", "list", "--json"], pluginsFile: file)
            #expect(listed.status == 0, "\(listed.standardError)")
            let plugins = try #require(
                try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]],
                "\(listed.standardOutput)"
            )
            #expect(plugins.map { $0["id"] as? String } == ["exits", "crashes", "stalls", "gone", "meraki"])
            #expect(plugins.map { $0["status"] as? String } == ["failed", "failed", "failed", "failed", "loaded"])
            let errors = plugins.map { $0["error"] as? String ?? "" }
            #expect(errors[0].contains("exited with status 0"), "\(errors[0])")
            #expect(errors[1].contains("crashed (SIGSEGV)"), "\(errors[1])")
            #expect(errors[2].hasPrefix("did not finish loading within 1.0 seconds"), "\(errors[2])")
            #expect(errors[3].hasPrefix("no such file"), "\(errors[3])")
        }
    }
}
