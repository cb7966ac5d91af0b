import Foundation
import PatchbayCore
import PatchbayTestSupport
import Testing

/// The built `patchbay` binary, run as a user would, against plugins compiled by the tests.
@Suite struct PluginsCommandTests {
    func patchbay(_ arguments: String..., environment: [String: String] = [:]) async throws -> ProcessOutput {
        try await onOwnThread {
            try ProcessRunner.run(ProductsDirectory.patchbayBinary, arguments, environment: environment)
        }
    }

    @Test func listShowsLoadedAndFailedPluginsAndExitsZero() async throws {
        let fixtures = try await PluginFixtures.get()
        let result = try await patchbay("plugins", "list", "--plugins", fixtures.manifestPath)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.split(separator: " ") == ["ID", "NAME", "VERSION", "VENDOR", "ABI", "STATUS", "PATH"])
        #expect(
            lines.contains { $0.hasPrefix("example") && $0.contains("Example (C)  1.0.0") && $0.contains("loaded") }
        )
        #expect(
            lines.contains(
                "failed: \(fixtures.library("wrong_major")): built for provider ABI 2.x, this host speaks 1.x; "
                    + "rebuild against its header"
            )
        )
    }

    @Test func listJSONHasOneElementPerEntry() async throws {
        let fixtures = try await PluginFixtures.get()
        let result = try await patchbay(
            "plugins",
            "list",
            "--json",
            environment: ["PATCHBAY_PLUGINS": fixtures.manifestPath]
        )
        #expect(result.status == 0, "\(result.standardError)")
        let array = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]]
        )
        #expect(array.count == 16)
        let example = try #require(array.first)
        #expect(example["id"] as? String == "example")
        #expect(example["name"] as? String == "Example (C)")
        #expect(example["version"] as? String == "1.0.0")
        #expect(example["vendor"] as? String == "Patchbay")
        #expect(example["abi"] as? String == "1.1")
        #expect(example["status"] as? String == "loaded")
        #expect(example["path"] as? String == fixtures.library("example"))
        #expect(example["error"] == nil)
        let tag = try #require(array.first { ($0["path"] as? String) == fixtures.library("wrong_tag") })
        #expect(tag["status"] as? String == "failed")
        #expect((tag["error"] as? String)?.hasPrefix("does not export a Patchbay provider") == true)
        #expect(
            tag.keys.sorted() == ["abi", "error", "id", "isolation", "name", "path", "status", "vendor", "version"]
        )
    }

    @Test func unusableFileExitsWithConfigError() async throws {
        try await withTemporaryDirectory { directory in
            let file = try directory.write("plugins:\n  - path: a.so\n    budget: 2\n", to: "plugins.yaml")
            let result = try await patchbay("plugins", "list", "--plugins", file)
            #expect(result.status == 78)
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError.hasPrefix("error: \(file):3:5: unknown key 'budget' in a plugin entry;"))
        }
    }

    @Test func defaultFileIsPluginsYAMLInTheCurrentFolder() async throws {
        try await withTemporaryDirectory { directory in
            try directory.write("plugins: []\n", to: "plugins.yaml")
            let result = try await onOwnThread {
                try ProcessRunner.run(
                    ProductsDirectory.patchbayBinary,
                    ["plugins", "list", "--json"],
                    environment: ["PATCHBAY_PLUGINS": ""],
                    currentDirectory: directory.path
                )
            }
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        }
    }

    @Test func inspectShowsWhatThePluginDeclares() async throws {
        let fixtures = try await PluginFixtures.get()
        let text = try await patchbay("plugins", "inspect", "example", "--plugins", fixtures.manifestPath)
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput.contains("Capabilities:   networks.list, counts.networks, counts.access_points"))
        #expect(text.standardOutput.contains("  token  Token  yes       yes"))
        #expect(text.standardOutput.contains("  provider  10        1000 ms"))

        let json = try await patchbay("plugins", "inspect", "example", "--json", "--plugins", fixtures.manifestPath)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        )
        let descriptor = try #require(object["descriptor"] as? [String: Any])
        #expect(descriptor["id"] as? String == "example")
        #expect(descriptor["allowed_hosts"] as? [String] == ["example.invalid"])
        #expect(object["status"] as? String == "loaded")
    }

    @Test func inspectUnknownIDFails() async throws {
        let fixtures = try await PluginFixtures.get()
        let result = try await patchbay("plugins", "inspect", "nope", "--plugins", fixtures.manifestPath)
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("error: \(fixtures.manifestPath): no plugin with id 'nope'"))
    }
}
