import Foundation
import PatchbayTestSupport
import Testing

/// Issue 15 item 1, the audit's reproduction with the real binary: bob, a viewer of acme, tries to take over alice
/// through a workspace of his own. Every step that reaches beyond bob's workspace is refused with exit 77.
@Suite struct TakeoverTests {
    @Test func aViewerCannotTakeOverAnotherUserThroughAWorkspaceOfHisOwn() async throws {
        try await withCLI { ops in
            _ = try await ops.runChecked(["users", "create", "alice", "--workspace", "acme", "--role", "owner"])
            _ = try await ops.runChecked(["users", "create", "bob", "--workspace", "acme", "--role", "viewer"])
            var alice = ops
            alice.token = try await token(for: "alice", ops)
            var bob = ops
            bob.token = try await token(for: "bob", ops)
            let created = try await alice.createIntegration("Alice's", extra: ["--json"])
            #expect(created.status == 0, "\(created.standardError)")

            let workspace = try await bob.run("workspaces", "create", "bobcorp")
            #expect(workspace.status == 77, "\(workspace.standardError)")
            #expect(try await bob.run("keys", "rotate").status == 77)

            // Where everyone may create workspaces, bob's own gives him nothing over alice.
            _ = try await ops.runChecked(["settings", "set", "workspace_creation", "everyone"])
            _ = try await bob.runChecked(["workspaces", "create", "bobcorp"])
            let attach = try await bob.run("users", "create", "alice", "--workspace", "bobcorp", "--role", "viewer")
            #expect(attach.status == 77, "\(attach.standardError)")
            let mint = try await bob.run("tokens", "create", "--user", "alice", "--json")
            #expect(mint.status == 77)
            let error = try #require(
                try JSONSerialization.jsonObject(with: Data(mint.standardOutput.utf8)) as? [String: Any]
            )
            #expect((error["error"] as? [String: Any])?["code"] as? String == "permission_denied")
            #expect(!mint.standardOutput.contains("pbt_"))
            // Who exists is not told apart (item 6).
            let nobody = try await bob.run("tokens", "create", "--user", "nobody")
            #expect(nobody.status == 77)
            #expect(nobody.standardError == mint.standardError)

            let integrations = try await alice.json("integrations", "list", "--workspace", "acme", "--json")
            #expect((integrations as? [[String: Any]])?.count == 1)
        }
    }

    /// A token for `user`, issued by ops, the installation administrator `init` made.
    private func token(for user: String, _ ops: CLIHarness) async throws -> String {
        let issued = try await ops.json("tokens", "create", "--user", user, "--json")
        return try #require((issued as? [String: Any])?["token"] as? String)
    }
}
