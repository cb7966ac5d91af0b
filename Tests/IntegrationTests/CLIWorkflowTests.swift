import Foundation
import PatchbayCore
import PatchbayTestSupport
import Testing

@Suite struct CLIWorkflowTests {
    @Test func initPrintsTheContractShape() async throws {
        try await withFakeMeraki { _ in
            try await withTemporaryDirectory { folder in
                let output = try await onOwnThread {
                    try ProcessRunner.run(
                        ProductsDirectory.patchbayBinary,
                        ["init", "--json"],
                        environment: ["PATCHBAY_DATA_DIR": folder.file("data")]
                    )
                }
                #expect(output.status == 0)
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
                )
                let workspace = try #require(object["workspace"] as? [String: Any])
                #expect(workspace["id"] as? Int == 1)
                #expect(workspace["name"] as? String == "default")
                #expect((object["user"] as? [String: Any])?["name"] as? String == "admin")
                #expect((object["token"] as? String)?.hasPrefix("pbt_") == true)
                // The embedded default made its key file private on first use.
                let attributes = try FileManager.default.attributesOfItem(atPath: folder.file("data/master.key"))
                #expect((attributes[.posixPermissions] as? Int) == 0o600)
            }
        }
    }

    @Test(arguments: TestBackend.all) func createListSyncListDeleteAgainstTheRealPlugin(
        _ backend: TestBackend
    ) async throws {
        try await withCLI(backend: backend) { cli in
            let output = try await cli.createIntegration("HQ", extra: ["--json"])
            #expect(output.status == 0, "\(output.standardError)")
            let created = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8))
            let integration = try #require(created as? [String: Any])
            let id = try #require(integration["id"] as? Int)
            #expect(integration["provider"] as? String == "meraki")

            let listed = try #require(
                try await cli.json("integrations", "list", "--workspace", "acme", "--json") as? [[String: Any]]
            )
            #expect(listed.count == 1)
            let counts = try #require(listed[0]["counts"] as? [String: Any])
            #expect(counts["networks"] as? Int == 10)
            #expect(counts["access_points"] as? Int == 20)

            let sync = try await cli.runChecked(["networks", "sync", "--integration", "\(id)", "--json"])
            let run = try #require(
                try JSONSerialization.jsonObject(with: Data(sync.standardOutput.utf8)) as? [String: Any]
            )
            #expect(run["status"] as? String == "succeeded")
            #expect(run["created"] as? Int == 10)
            #expect(run["updated"] as? Int == 0)
            #expect(run["duration_ms"] is Int)
            #expect(sync.standardError.contains("syncing integration \(id)"))  // the progress line

            let again = try #require(
                try await cli.json("networks", "sync", "--integration", "\(id)", "--json") as? [String: Any]
            )
            #expect(again["unchanged"] as? Int == 10)
            #expect(again["created"] as? Int == 0)

            let networks = try #require(
                try await cli.json("networks", "list", "--workspace", "acme", "--json") as? [[String: Any]]
            )
            #expect(networks.count == 10)
            let first = try #require(networks.first)
            for key in ["id", "integration_id", "external_id", "name", "provider", "provisioning_status", "config"] {
                #expect(first[key] != nil, "missing \(key)")
            }
            #expect(first["provider"] as? String == "meraki")
            #expect(first["provisioning_status"] as? String == "active")
            let config = try #require(first["config"] as? [String: Any])
            #expect(config["id"] as? String == first["external_id"] as? String)
            #expect(config["organizationId"] != nil)

            let deleted = try await cli.run("integrations", "delete", "\(id)")
            #expect(deleted.status == 0)
            let after = try #require(try await cli.json("networks", "list", "--workspace", "acme", "--json") as? [Any])
            #expect(after.isEmpty)
        }
    }

    @Test func badKeyUnknownProviderAndForeignSettingsFailWithClearErrors() async throws {
        try await withCLI { cli in
            let badKey = try await cli.createIntegration("bad", apiKey: "wrong-key-123")
            #expect(badKey.status == 65)
            #expect(badKey.standardError.hasPrefix("error: provider meraki:"))

            let unknown = try await cli.createIntegration("x", provider: "nope", apiKey: "k")
            #expect(unknown.status == 66)  // not found (issue 15 item 15: the OpenAPI document allows any id)
            #expect(unknown.standardError.contains("provider 'nope': not loaded"))

            let metadata = try await cli.createIntegration(
                "x",
                extra: ["--setting", "base_url=http://169.254.169.254/latest"]
            )
            #expect(metadata.status == 65)
            #expect(metadata.standardError.contains("169.254.169.254"))

            let noToken = try await CLIHarness(fake: cli.fake, folder: cli.folder, pluginsFile: cli.pluginsFile)
                .run("workspaces", "list")
            #expect(noToken.status == 64)
            #expect(noToken.standardError.contains("PATCHBAY_TOKEN"))

            var wrongToken = cli
            wrongToken.token = "pbt_wrong"
            #expect(try await wrongToken.run("workspaces", "list").status == 77)
        }
    }

    @Test func canaryKeyNeverAppearsInOutputOrTheDatabaseFiles() async throws {
        let canary = "canary-\(UUID().uuidString)"
        var dataset = FakeMerakiDataset.generated(organizations: 1, networksPerOrganization: 3)
        dataset.apiKeys.insert(canary)
        try await withCLI(dataset) { cli in
            try cli.folder.write("{\"api_key\": \"\(canary)\"}", to: "credentials.json")
            var outputs: [ProcessOutput] = []
            outputs.append(
                try await cli.runChecked([
                    "integrations", "create", "--workspace", "acme", "--provider", "meraki", "--name", "HQ",
                    "--credentials-file", cli.folder.file("credentials.json"), "--json",
                ])
            )
            outputs.append(try await cli.runChecked(["integrations", "list", "--workspace", "acme", "--json"]))
            outputs.append(try await cli.runChecked(["integrations", "list", "--workspace", "acme"]))
            outputs.append(try await cli.runChecked(["networks", "sync", "--integration", "1"]))
            outputs.append(try await cli.runChecked(["networks", "list", "--workspace", "acme", "--json"]))
            outputs.append(try await cli.runChecked(["keys", "rotate"]))
            outputs.append(try await cli.runChecked(["networks", "sync", "--integration", "1", "--json"]))
            cli.fake.inject(.status(401, errors: ["Invalid API key"]), at: "/organizations")
            outputs.append(try await cli.run("integrations", "list", "--workspace", "acme", "--refresh", "--json"))
            // A duplicate name fails after the key was read: the error must not echo it.
            outputs.append(
                try await cli.createIntegration("HQ", apiKey: canary)
            )
            for output in outputs {
                #expect(!output.standardOutput.contains(canary))
                #expect(!output.standardError.contains(canary))
            }
            for bytes in try cli.databaseBytes() {
                #expect(bytes.range(of: Data(canary.utf8)) == nil)
            }
            // The fake saw the key as a bearer token: the plaintext reached the provider and nowhere else.
            #expect(cli.fake.requests.contains { $0.authorization == "Bearer \(canary)" })
        }
    }
}
