import Foundation
import PatchbayTestSupport
import Testing

/// The outside audit's CLI findings (issue 15 items 5, 6, 8 and 13), each reproduced with the real binary.
@Suite struct CLIAuditTests {
    /// Item 13: with `--json`, a failed command prints the API's error object on stdout as well as the exit code.
    @Test func aFailedJSONCommandPrintsTheErrorObjectOnStdout() async throws {
        try await withCLI { cli in
            let output = try await cli.run("integrations", "list", "--workspace", "nowhere", "--json")

            #expect(output.status == 66)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
            )
            let error = try #require(object["error"] as? [String: Any])
            #expect(error["code"] as? String == "not_found")
            #expect((error["message"] as? String)?.hasPrefix("workspace 'nowhere': not found") == true)
            #expect(error.count == 2)
            #expect(output.standardError.hasPrefix("error: workspace 'nowhere': not found"))
        }
    }

    @Test func withoutJSONAFailedCommandKeepsStdoutEmpty() async throws {
        try await withCLI { cli in
            let output = try await cli.run("integrations", "list", "--workspace", "nowhere")

            #expect(output.status == 66)
            #expect(output.standardOutput.isEmpty)
        }
    }

    /// Item 8: a missing or corrupt master.key is bad configuration (78, as the README's table says), not 70.
    @Test(arguments: ["missing", "corrupt"])
    func aMissingOrCorruptMasterKeyExits78(damage: String) async throws {
        try await withCLI { cli in
            let keyFile = cli.dataDirectory + "/master.key"
            if damage == "missing" {
                try FileManager.default.removeItem(atPath: keyFile)
            } else {
                try Data("not a key\n".utf8).write(to: URL(fileURLWithPath: keyFile))
            }
            let output = try await cli.run("workspaces", "list", "--json")

            #expect(output.status == 78, "\(output.standardError)")
            #expect(output.standardError.contains("master.key"), "\(output.standardError)")
            #expect(output.standardError.contains("restore"), "\(output.standardError)")
        }
    }

    /// Item 5: with the keyring gone, no command writes a fresh one while credentials need the old one.
    @Test func aLostKeyringIsNotReplacedWhileCredentialsNeedIt() async throws {
        try await withCLI { cli in
            #expect(try await cli.createIntegration("HQ").status == 0)
            let keyring = cli.dataDirectory + "/keyring"
            try FileManager.default.removeItem(atPath: keyring)

            let output = try await cli.run("integrations", "list", "--workspace", "acme")

            #expect(output.status == 78, "\(output.standardError)")
            #expect(output.standardError.contains("\(keyring): missing, but stored credentials are sealed with key"))
            #expect(output.standardError.contains("restore the keyring file from backup"))
            #expect(!FileManager.default.fileExists(atPath: keyring))
        }
    }

    @Test func aKeyringIsStillCreatedWhenNoCredentialsNeedOne() async throws {
        try await withCLI { cli in
            let keyring = cli.dataDirectory + "/keyring"
            try FileManager.default.removeItem(atPath: keyring)

            _ = try await cli.runChecked(["workspaces", "list"])
            #expect(FileManager.default.fileExists(atPath: keyring))
        }
    }

    /// Item 6: a conflict names what conflicts, never where the database lives.
    @Test func aConflictDoesNotNameTheDatabasePath() async throws {
        try await withCLI { cli in
            let output = try await cli.run("workspaces", "create", "acme", "--json")

            #expect(output.status == 75)
            #expect(output.standardError.contains("a workspace named 'acme' already exists"))
            #expect(!output.standardError.contains(cli.dataDirectory), "\(output.standardError)")
            #expect(!output.standardOutput.contains(cli.dataDirectory), "\(output.standardOutput)")
        }
    }
}
