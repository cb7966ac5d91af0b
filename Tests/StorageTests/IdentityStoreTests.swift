import Foundation
import GRDB
import PatchbayTestSupport
import Testing

@testable import Storage

@Suite struct IdentityStoreTests {
    @Test(arguments: TestBackend.all) func bootstrapCreatesOwnerWorkspaceAndTokenOnce(_ backend: TestBackend) throws {
        try withStore(backend) { fixture throws in
            let store = fixture.store
            #expect(try store.userCount() == 1)
            #expect(try store.role(ofUser: fixture.ownerID, inWorkspace: fixture.workspaceID) == .owner)
            #expect(try store.useToken(hash: "hash-initial", now: fixture.now)?.userID == fixture.ownerID)
            #expect(try store.auditEntries(workspaceID: fixture.workspaceID).map(\.action) == ["init"])
            #expect(throws: StorageError.self) {
                try store.bootstrap(
                    ownerName: "x",
                    workspaceName: "y",
                    tokenName: "t",
                    tokenHash: "h",
                    now: fixture.now
                )
            }
            #expect(try store.userCount() == 1)
        }
    }

    @Test(arguments: TestBackend.all) func workspacesAreFoundByIdAndNameAndRefuseADuplicateName(
        _ backend: TestBackend
    ) throws {
        try withStore(backend) { fixture in
            let store = fixture.store
            let second = try store.createWorkspace(name: "globex", ownerID: fixture.ownerID, now: fixture.now)
            #expect(try store.workspace(id: second.id ?? 0) == second)
            #expect(try store.workspace(named: "globex") == second)
            #expect(try store.workspace(named: "nope") == nil)
            #expect {
                try store.createWorkspace(name: "globex", ownerID: fixture.ownerID, now: fixture.now)
            } throws: { error in
                (error as? StorageError)?.reason == .conflict("a workspace named 'globex' already exists")
            }
            let memberships = try store.workspaces(forUser: fixture.ownerID)
            #expect(memberships.map(\.workspace.name) == ["acme", "globex"])
            #expect(memberships.map(\.role) == [.owner, .owner])
        }
    }

    @Test(arguments: TestBackend.all) func addMemberReusesAUserAndRefusesASecondMembership(
        _ backend: TestBackend
    ) throws {
        try withStore(backend) { fixture in
            let store = fixture.store
            let globex = try store.createWorkspace(name: "globex", ownerID: fixture.ownerID, now: fixture.now)
            let alice = try #require(
                try store.addMember(
                    name: "alice",
                    workspaceID: fixture.workspaceID,
                    role: .viewer,
                    mayAttachExisting: false,
                    actorID: fixture.ownerID,
                    now: fixture.now
                )
            )
            // An existing user is attached only when the caller may (an installation administrator, issue 15).
            let refused = try store.addMember(
                name: "alice",
                workspaceID: globex.id ?? 0,
                role: .admin,
                mayAttachExisting: false,
                actorID: fixture.ownerID,
                now: fixture.now
            )
            #expect(refused == nil)
            #expect(try store.role(ofUser: alice.id ?? 0, inWorkspace: globex.id ?? 0) == nil)
            let again = try store.addMember(
                name: "alice",
                workspaceID: globex.id ?? 0,
                role: .admin,
                mayAttachExisting: true,
                actorID: fixture.ownerID,
                now: fixture.now
            )
            #expect(again?.id == alice.id)
            #expect(try store.user(named: "alice") == alice)
            #expect(try store.user(id: alice.id ?? 0) == alice)
            #expect(try store.workspaces(forUser: alice.id ?? 0).map(\.role) == [.viewer, .admin])
            #expect(try store.role(ofUser: alice.id ?? 0, inWorkspace: globex.id ?? 0) == .admin)
            #expect(throws: StorageError.self) {
                try store.addMember(
                    name: "alice",
                    workspaceID: fixture.workspaceID,
                    role: .owner,
                    mayAttachExisting: true,
                    actorID: fixture.ownerID,
                    now: fixture.now
                )
            }
            #expect(try store.role(ofUser: alice.id ?? 0, inWorkspace: fixture.workspaceID) == .viewer)
            #expect(try store.auditEntries(workspaceID: globex.id ?? 0).map(\.detail) == [nil, "admin"])
        }
    }

    @Test(arguments: TestBackend.all) func revokedAndExpiredTokensDoNotAuthenticate(_ backend: TestBackend) throws {
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
            let live = try token("live", expiresAt: fixture.now.addingTimeInterval(60))
            let expired = try token("expired", expiresAt: fixture.now)
            let revoked = try token("revoked")
            try store.revokeToken(id: revoked.id ?? 0, actorID: fixture.ownerID, now: fixture.now)

            #expect(try store.useToken(hash: "live", now: fixture.now)?.id == live.id)
            #expect(try store.useToken(hash: "expired", now: fixture.now) == nil)
            #expect(try store.useToken(hash: "revoked", now: fixture.now) == nil)
            #expect(try store.useToken(hash: "unknown", now: fixture.now) == nil)
            #expect(try store.token(id: revoked.id ?? 0)?.revokedAt == fixture.now)
            #expect(try store.token(id: expired.id ?? 0)?.expiresAt == fixture.now)
            #expect(try store.tokens(ofUser: fixture.ownerID).map(\.name) == ["initial", "live", "expired", "revoked"])
        }
    }

    @Test(arguments: TestBackend.all) func tokenUseIsNotedAtMostOncePerMinute(_ backend: TestBackend) async throws {
        try await withTemporaryStore(backend) { fixture in
            let store = fixture.store
            _ = try store.useToken(hash: "hash-initial", now: fixture.now)
            await store.flushBackgroundWrites()
            #expect(try store.tokens(ofUser: fixture.ownerID).first?.lastUsedAt == fixture.now)

            _ = try store.useToken(hash: "hash-initial", now: fixture.now.addingTimeInterval(30))
            await store.flushBackgroundWrites()
            #expect(try store.tokens(ofUser: fixture.ownerID).first?.lastUsedAt == fixture.now)

            let later = fixture.now.addingTimeInterval(61)
            _ = try store.useToken(hash: "hash-initial", now: later)
            await store.flushBackgroundWrites()
            #expect(try store.tokens(ofUser: fixture.ownerID).first?.lastUsedAt == later)
        }
    }

    @Test func aHeldWriteLockIsTheTypedBusyReason() throws {
        try withStore(busyTimeout: 0.05) { fixture in
            let other = try DatabaseQueue(path: (try #require(fixture.sqlite)).path)
            try other.inDatabase { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                defer { try? db.execute(sql: "ROLLBACK") }
                #expect {
                    try fixture.store.createWorkspace(name: "blocked", ownerID: fixture.ownerID, now: fixture.now)
                } throws: { error in
                    guard let error = error as? StorageError else { return false }
                    return error.reason == .busy && error.description.hasSuffix("; try again")
                }
            }
            #expect(try fixture.store.workspace(named: "blocked") == nil)
        }
    }
}
