import Foundation
import PatchbayCore
import PatchbayTestSupport
import Storage
import Testing

/// Issue 15 item 1: a workspace admin could attach any existing user to a workspace they own and mint a token that
/// acts as that user everywhere. Reaching beyond one workspace now takes an installation administrator.
@Suite struct InstallationAdminTests {
    static func isPermissionDenied(_ error: any Error) -> Bool { (error as? ServiceError)?.code == .permissionDenied }

    /// The audit's reproduction: bob, a viewer elsewhere, makes bobcorp, pulls alice into it, mints her a token.
    @Test(arguments: TestBackend.all) func aWorkspaceAdminCannotTakeOverAnotherUser(_ backend: TestBackend) async throws
    {
        try await withCoreEnvironment(backend) { env in
            let alice = try await env.member("alice", role: .owner)
            let integration = try await env.createIntegration(as: alice)
            let bob = try await env.member("bob", role: .viewer)

            await #expect(throws: ServiceError.self) { try await env.identity.createWorkspace(bob, name: "bobcorp") }
            // Even where everyone may create workspaces, bob's own workspace gives him nothing over alice.
            try await InstallationService(context: env.context).set(
                env.owner,
                setting: "workspace_creation",
                to: "everyone"
            )
            _ = try await env.identity.createWorkspace(bob, name: "bobcorp")
            await #expect {
                _ = try await env.identity.addUser(bob, name: "alice", workspace: "bobcorp", role: .viewer)
            } throws: {
                Self.isPermissionDenied($0)
            }
            await #expect { _ = try await env.identity.createToken(bob, name: "x", forUser: "alice") } throws: {
                Self.isPermissionDenied($0)
            }
            #expect(try env.store.role(ofUser: alice.userID, inWorkspace: 2) == nil)
            #expect(try env.integrations.get(alice, id: integration.id).id == integration.id)
            // A new user of his own is still bob's to add.
            _ = try await env.identity.addUser(bob, name: "bobs-robot", workspace: "bobcorp", role: .member)
        }
    }

    /// The answer for a user who does not exist is the answer for one who does (item 6): nothing to probe.
    @Test(arguments: TestBackend.all) func tokensForAnotherUserAreForInstallationAdministratorsOnly(
        _ backend: TestBackend
    ) async throws {
        try await withCoreEnvironment(backend) { env in
            let ada = try await env.member("ada", role: .admin)
            _ = try await env.member("victor", role: .viewer)

            var messages: [String] = []
            for name in ["victor", "nobody"] {
                let error = await #expect(throws: ServiceError.self) {
                    _ = try await env.identity.createToken(ada, name: "t", forUser: name)
                }
                #expect(error?.code == .permissionDenied)
                messages.append(error?.message ?? "")
            }
            #expect(messages.count == 2 && messages[0] == messages[1], "\(messages)")
            #expect(!messages[0].contains("victor"))

            let issued = try await env.identity.createToken(env.owner, name: "t", forUser: "victor")
            #expect(issued.user.name == "victor")
            await #expect { _ = try await env.identity.createToken(env.owner, name: "t", forUser: "nobody") } throws: {
                ($0 as? ServiceError)?.code == .notFound
            }
            _ = try await env.identity.createToken(ada, name: "mine")  // one's own token needs nobody
        }
    }

    @Test(arguments: TestBackend.all) func anInstallationAdministratorAttachesAnExistingUser(
        _ backend: TestBackend
    ) async throws {
        try await withCoreEnvironment(backend) { env in
            let victor = try await env.member("victor", role: .viewer)
            _ = try await env.identity.createWorkspace(env.owner, name: "globex")
            _ = try await env.identity.addUser(env.owner, name: "victor", workspace: "globex", role: .member)
            #expect(try env.identity.workspaces(victor).map(\.name).sorted() == ["acme", "globex"])
        }
    }

    @Test(arguments: TestBackend.all) func administratorsPromoteAndTheLastOneStays(_ backend: TestBackend) async throws
    {
        try await withCoreEnvironment(backend) { env in
            let installation = InstallationService(context: env.context)
            let ada = try await env.member("ada", role: .viewer)
            await #expect { _ = try await installation.setAdmin(ada, userName: "ada", isAdmin: true) } throws: {
                Self.isPermissionDenied($0)
            }
            #expect(try installation.isAdmin(env.owner))
            #expect(try !installation.isAdmin(ada))

            _ = try await installation.setAdmin(env.owner, userName: "ada", isAdmin: true)
            #expect(try installation.admins(ada).map(\.name) == [env.owner.name, "ada"])
            _ = try await env.identity.createWorkspace(ada, name: "adas")

            _ = try await installation.setAdmin(ada, userName: env.owner.name, isAdmin: false)
            await #expect { _ = try await installation.setAdmin(ada, userName: "ada", isAdmin: false) } throws: {
                ($0 as? ServiceError)?.code == .conflict
            }
            #expect(try installation.admins(ada).map(\.name) == ["ada"])
        }
    }

    @Test(arguments: TestBackend.all) func settingsAcceptOnlyKnownNamesAndValues(_ backend: TestBackend) async throws {
        try await withCoreEnvironment(backend) { env in
            let installation = InstallationService(context: env.context)
            let settings = try installation.settings(env.owner)
            #expect(settings == ["workspace_creation": "admins"])
            for (name, value) in [("workspace_creation", "anyone"), ("colour", "blue")] {
                await #expect { try await installation.set(env.owner, setting: name, to: value) } throws: {
                    ($0 as? ServiceError)?.code == .invalidArgument
                }
            }
        }
    }
}
