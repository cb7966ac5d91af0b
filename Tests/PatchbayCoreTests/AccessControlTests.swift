import Foundation
import PatchbayCore
import PatchbayTestSupport
import Storage
import Testing

@Suite struct AccessControlTests {
    @Test(arguments: TestBackend.all) func memberOfWorkspaceASeesAndTouchesNothingOfWorkspaceB(
        _ backend: TestBackend
    ) async throws {
        try await withCoreEnvironment(backend) { env in
            let integration = try await env.createIntegration()
            try #require(env.providers["scripted"]).update { $0.pages = [upstreamNetworks(0..<2)] }
            _ = try await env.provisioning.sync(env.owner, integrationID: integration.id)
            let network = try #require(env.networks.list(env.owner, workspace: "acme").networks.first)

            // An outsider owns a workspace of their own and is an admin there.
            let outsiderUser = try await env.identity.addUser(
                env.owner,
                name: "mallory",
                workspace: "acme",
                role: .viewer
            )
            let outsider = Caller(userID: outsiderUser.id, name: outsiderUser.name)
            // Workspaces are the installation administrators' to create unless they let everyone (issue 15).
            try await InstallationService(context: env.context)
                .set(env.owner, setting: "workspace_creation", to: "everyone")
            _ = try await env.identity.createWorkspace(outsider, name: "evil")
            let stranger = try await env.identity.addUser(outsider, name: "eve", workspace: "evil", role: .admin)
            let eve = Caller(userID: stranger.id, name: stranger.name)

            func expectNotFound(_ body: () async throws -> Void) async {
                await #expect { try await body() } throws: { ($0 as? ServiceError)?.code == .notFound }
            }
            await expectNotFound { _ = try await env.integrations.list(eve, workspace: "acme") }
            await expectNotFound { _ = try await env.integrations.list(eve, workspace: "\(env.workspace.id)") }
            await expectNotFound { _ = try env.integrations.get(eve, id: integration.id) }
            await expectNotFound { try await env.integrations.delete(eve, id: integration.id) }
            await expectNotFound { _ = try await env.provisioning.sync(eve, integrationID: integration.id) }
            await expectNotFound { _ = try env.provisioning.runs(eve, integrationID: integration.id) }
            await expectNotFound { _ = try env.networks.list(eve, workspace: "acme") }
            await expectNotFound { _ = try env.networks.get(eve, id: network.id) }
            await expectNotFound {
                _ = try await env.identity.addUser(eve, name: "x", workspace: "acme", role: .viewer)
            }
            await expectNotFound {
                _ = try await env.integrations.create(
                    eve,
                    workspace: "acme",
                    provider: "scripted",
                    name: "sneaky",
                    credentials: ["api_key": "k"]
                )
            }
            // And their own workspace shows none of acme's networks.
            #expect(try env.networks.list(eve, workspace: "evil").networks.isEmpty)
            #expect(try env.integrations.get(env.owner, id: integration.id).name == "HQ")
        }
    }

    @Test(arguments: [
        (Role.viewer, false, false, true),
        (Role.member, false, true, true),
        (Role.admin, true, true, true),
        (Role.owner, true, true, true),
    ])
    func rolesGateWhatACallerMayDo(role: Role, mayManage: Bool, maySync: Bool, mayRead: Bool) async throws {
        try await withCoreEnvironment { env in
            let caller = await role == .owner ? env.owner : try env.member("user-\(role.rawValue)", role: role)
            let existing = try await env.createIntegration(named: "existing")

            let created = await Result { try await env.createIntegration(named: "new", as: caller) }
            #expect(((try? created.get()) != nil) == mayManage)
            if !mayManage {
                #expect((created.failure as? ServiceError)?.code == .permissionDenied)
            }
            let synced = await Result { try await env.provisioning.sync(caller, integrationID: existing.id) }
            #expect(((try? synced.get()) != nil) == maySync)
            let read = await Result { try await env.integrations.list(caller, workspace: "acme") }
            #expect(((try? read.get()) != nil) == mayRead)
            let deleted = await Result { try await env.integrations.delete(caller, id: existing.id) }
            #expect(((try? deleted.get()) != nil) == mayManage)
        }
    }

    @Test(arguments: TestBackend.all) func revokedAndExpiredTokensStopWorkingAtOnce(_ backend: TestBackend) async throws
    {
        try await withCoreEnvironment(backend) { env in
            let issued = try await env.identity.createToken(env.owner, name: "ci")
            #expect(try env.identity.authenticate(token: issued.token) == env.owner)
            try await env.identity.revokeToken(env.owner, id: try #require(issued.tokenID))
            #expect(throws: ServiceError.self) { try env.identity.authenticate(token: issued.token) }

            let expiring = try await env.identity.createToken(env.owner, name: "short", expiresIn: -1)
            #expect(throws: ServiceError.self) { try env.identity.authenticate(token: expiring.token) }
            #expect(throws: ServiceError.self) { try env.identity.authenticate(token: "pbt_not-a-token") }
        }
    }

    @Test func tokensAreStoredOnlyAsHashes() async throws {
        try await withCoreEnvironment { env in
            let issued = try await env.identity.createToken(env.owner, name: "ci")
            try env.database.checkpoint()
            for bytes in try env.databaseBytes() {
                #expect(bytes.range(of: Data(issued.token.utf8)) == nil)
            }
        }
    }

    @Test(arguments: TestBackend.all) func initializeRunsOnlyOnce(_ backend: TestBackend) async throws {
        try await withCoreEnvironment(backend) { env in
            await #expect(throws: ServiceError.self) {
                _ = try await env.identity.initialize(ownerName: "second", workspaceName: "other")
            }
        }
    }
}

extension Result {
    init(catching body: () async throws(Failure) -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }

    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
