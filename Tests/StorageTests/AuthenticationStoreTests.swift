import Foundation
import PatchbayTestSupport
import Testing

@testable import Storage

/// The one-query reads every API request makes first: the caller behind a token or a session, and their membership
/// of the workspace the request names.
@Suite struct AuthenticationStoreTests {
    @Test(arguments: TestBackend.all) func aLiveTokenGivesItsUserAndNoOtherDoes(_ backend: TestBackend) throws {
        try withStore(backend) { fixture in
            let store = fixture.store
            func token(_ hash: String, expiresAt: Date? = nil) throws -> APITokenRecord {
                try store.insertToken(
                    APITokenRecord(
                        userID: fixture.ownerID,
                        name: hash,
                        tokenHash: hash,
                        createdAt: fixture.now,
                        expiresAt: expiresAt
                    )
                )
            }
            try token("live", expiresAt: fixture.now.addingTimeInterval(1))
            try token("expired", expiresAt: fixture.now)
            let revoked = try token("revoked")
            try store.revokeToken(id: revoked.id ?? 0, actorID: fixture.ownerID, now: fixture.now)

            #expect(try store.tokenUser(hash: "hash-initial", now: fixture.now) == fixture.owner)
            #expect(try store.tokenUser(hash: "live", now: fixture.now) == fixture.owner)
            #expect(try store.tokenUser(hash: "live", now: fixture.now.addingTimeInterval(1)) == nil)
            #expect(try store.tokenUser(hash: "expired", now: fixture.now) == nil)
            #expect(try store.tokenUser(hash: "expired", now: fixture.now.addingTimeInterval(-0.5)) == fixture.owner)
            #expect(try store.tokenUser(hash: "revoked", now: fixture.now) == nil)
            #expect(try store.tokenUser(hash: "unknown", now: fixture.now) == nil)
        }
    }

    @Test(arguments: TestBackend.all) func tokenUseIsNotedAtMostOncePerMinute(_ backend: TestBackend) async throws {
        try await withTemporaryStore(backend) { fixture in
            let store = fixture.store
            _ = try store.tokenUser(hash: "hash-initial", now: fixture.now)
            await store.flushBackgroundWrites()
            #expect(try store.tokens(ofUser: fixture.ownerID).first?.lastUsedAt == fixture.now)

            _ = try store.tokenUser(hash: "hash-initial", now: fixture.now.addingTimeInterval(30))
            await store.flushBackgroundWrites()
            #expect(try store.tokens(ofUser: fixture.ownerID).first?.lastUsedAt == fixture.now)

            let later = fixture.now.addingTimeInterval(61)
            _ = try store.tokenUser(hash: "hash-initial", now: later)
            await store.flushBackgroundWrites()
            #expect(try store.tokens(ofUser: fixture.ownerID).first?.lastUsedAt == later)
        }
    }

    @Test(arguments: TestBackend.all) func aSessionLivesWhileItAndItsTokenDo(_ backend: TestBackend) async throws {
        try await withTemporaryStore(backend) { fixture in
            let store = fixture.store
            let token = try store.insertToken(
                APITokenRecord(
                    userID: fixture.ownerID,
                    name: "console",
                    tokenHash: "console",
                    createdAt: fixture.now,
                    expiresAt: fixture.now.addingTimeInterval(7_200)
                )
            )
            func session(_ hash: String, tokenID: Int64?, expiresIn seconds: TimeInterval) throws -> SessionRecord {
                try store.insertSession(
                    SessionRecord(
                        userID: fixture.ownerID,
                        tokenID: tokenID,
                        sessionHash: hash,
                        userAgent: "test",
                        createdAt: fixture.now,
                        expiresAt: fixture.now.addingTimeInterval(seconds)
                    )
                )
            }
            let live = try session("live", tokenID: token.id, expiresIn: 3_600)
            let tokenless = try session("tokenless", tokenID: nil, expiresIn: 3_600)
            let ended = try session("ended", tokenID: token.id, expiresIn: 3_600)
            try store.revokeSession(id: ended.id ?? 0, actorID: fixture.ownerID, now: fixture.now)

            let used = try #require(try store.useSession(hash: "live", now: fixture.now))
            #expect(used.session == live)
            #expect(used.user == fixture.owner)
            #expect(try store.useSession(hash: "tokenless", now: fixture.now)?.session.id == tokenless.id)
            #expect(try store.useSession(hash: "ended", now: fixture.now) == nil)
            #expect(try store.useSession(hash: "unknown", now: fixture.now) == nil)
            #expect(try store.useSession(hash: "live", now: fixture.now.addingTimeInterval(3_600)) == nil)
            await store.flushBackgroundWrites()
            #expect(try store.session(id: live.id ?? 0)?.lastUsedAt == fixture.now)

            // Revoking the token ends the sessions exchanged for it, not the others.
            try store.revokeToken(id: token.id ?? 0, actorID: fixture.ownerID, now: fixture.now)
            #expect(try store.useSession(hash: "live", now: fixture.now) == nil)
            #expect(try store.useSession(hash: "tokenless", now: fixture.now) != nil)
        }
    }

    @Test(arguments: TestBackend.all) func aSessionEndsWhenItsTokenExpires(_ backend: TestBackend) throws {
        try withStore(backend) { fixture in
            let store = fixture.store
            let token = try store.insertToken(
                APITokenRecord(
                    userID: fixture.ownerID,
                    name: "short",
                    tokenHash: "short",
                    createdAt: fixture.now,
                    expiresAt: fixture.now.addingTimeInterval(60)
                )
            )
            try store.insertSession(
                SessionRecord(
                    userID: fixture.ownerID,
                    tokenID: token.id,
                    sessionHash: "outlived",
                    userAgent: "test",
                    createdAt: fixture.now,
                    expiresAt: fixture.now.addingTimeInterval(3_600)
                )
            )
            #expect(try store.useSession(hash: "outlived", now: fixture.now.addingTimeInterval(59)) != nil)
            #expect(try store.useSession(hash: "outlived", now: fixture.now.addingTimeInterval(60)) == nil)
        }
    }

    @Test(arguments: TestBackend.all) func aMembershipIsFoundByIdOrNameAmongTheUsersWorkspaces(
        _ backend: TestBackend
    ) throws {
        try withStore(backend) { fixture in
            let store = fixture.store
            let owned = WorkspaceMembership(workspace: fixture.workspace, role: .owner)
            #expect(try store.membership(ofUser: fixture.ownerID, in: .id(fixture.workspaceID)) == owned)
            #expect(try store.membership(ofUser: fixture.ownerID, in: .name(fixture.workspace.name)) == owned)

            let globex = try store.createWorkspace(name: "globex", ownerID: fixture.ownerID, now: fixture.now)
            let viewer = try #require(
                try store.addMember(
                    name: "vera",
                    workspaceID: globex.id ?? 0,
                    role: .viewer,
                    mayAttachExisting: false,
                    actorID: fixture.ownerID,
                    now: fixture.now
                )
            )
            let viewerID = try #require(viewer.id)
            #expect(try store.membership(ofUser: viewerID, in: .name("globex"))?.role == .viewer)
            #expect(try store.membership(ofUser: viewerID, in: .id(globex.id ?? 0))?.workspace == globex)
            // Not a member: the same nil as a workspace that does not exist, by id or by name.
            #expect(try store.membership(ofUser: viewerID, in: .id(fixture.workspaceID)) == nil)
            #expect(try store.membership(ofUser: viewerID, in: .name(fixture.workspace.name)) == nil)
            #expect(try store.membership(ofUser: fixture.ownerID, in: .id(9_999)) == nil)
            #expect(try store.membership(ofUser: fixture.ownerID, in: .name("nowhere")) == nil)
        }
    }
}
