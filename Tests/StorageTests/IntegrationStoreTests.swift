import Foundation
import GRDB
import PatchbayTestSupport
import Testing

@testable import Storage

@Suite struct IntegrationStoreTests {
    @Test(arguments: TestBackend.all) func insertSealsWithTheNewRowsIdAndRefusesADuplicateName(
        _ backend: TestBackend
    ) throws {
        try withStore(backend) { fixture in
            let created = try fixture.integration("HQ")
            let id = try #require(created.id)
            #expect(created.credentialsCiphertext == Data("sealed-\(id)".utf8))
            #expect(try fixture.store.integration(id: id) == created)
            #expect {
                try fixture.integration("HQ")
            } throws: { error in
                (error as? StorageError)?.reason
                    == .conflict("an integration named 'HQ' already exists in this workspace")
            }
            #expect(try fixture.store.integrations(inWorkspace: fixture.workspaceID) == [created])
            #expect(
                try fixture.store.auditEntries(workspaceID: fixture.workspaceID).map(\.action).last
                    == "integration.create"
            )
        }
    }

    @Test(arguments: TestBackend.all) func aSealingFailureLeavesNoRowAndComesBackAsThrown(_ backend: TestBackend) throws
    {
        try withStore(backend) { fixture throws in
            let record = IntegrationRecord(
                workspaceID: fixture.workspaceID,
                provider: "meraki",
                name: "HQ",
                settings: "{}",
                credentialsCiphertext: Data(),
                keyID: "",
                createdBy: fixture.ownerID,
                createdAt: fixture.now,
                updatedAt: fixture.now
            )
            #expect(throws: ListingFailed()) {
                try fixture.store.insertIntegration(record) { _ in throw ListingFailed() }
            }
            #expect(try fixture.store.integrations(inWorkspace: fixture.workspaceID).isEmpty)
            #expect(try fixture.store.auditEntries(workspaceID: fixture.workspaceID).map(\.action) == ["init"])
        }
    }

    @Test(arguments: TestBackend.all) func deleteTakesNetworksRunsAndCountsAlong(_ backend: TestBackend) throws {
        try withStore(backend) { fixture in
            let doomed = try fixture.integration("doomed")
            let kept = try fixture.integration("kept")
            try fixture.sync(doomed, (0..<3).map { upstream($0) })
            try fixture.sync(kept, (0..<2).map { upstream($0) })
            fixture.store.saveCounts([
                CountsRecord(integrationID: doomed.id ?? 0, networks: 3, accessPoints: 1, fetchedAt: fixture.now)
            ])
            try fixture.store.deleteIntegration(id: doomed.id ?? 0, actorID: fixture.ownerID, now: fixture.now)

            #expect(try fixture.store.integration(id: doomed.id ?? 0) == nil)
            #expect(try fixture.store.syncRuns(integrationID: doomed.id ?? 0, limit: 20).isEmpty)
            #expect(try fixture.store.cachedCounts(integrationIDs: [doomed.id ?? 0]).isEmpty)
            let left = try fixture.store.networks(NetworkFilter(workspaceID: fixture.workspaceID), limit: 100)
            #expect(left.map(\.integrationName) == ["kept", "kept"])
            let last = try #require(try fixture.store.auditEntries(workspaceID: fixture.workspaceID).last)
            #expect(last.action == "integration.delete" && last.target == "integration:\(doomed.id ?? 0)")
            #expect {
                try fixture.store.deleteIntegration(id: doomed.id ?? 0, actorID: fixture.ownerID, now: fixture.now)
            } throws: { error in
                (error as? StorageError)?.reason == .notFound("integration \(doomed.id ?? 0)")
            }
        }
    }

    @Test(arguments: TestBackend.all) func rewritingCredentialsIsAllOrNothing(_ backend: TestBackend) throws {
        try withStore(backend) { fixture in
            let first = try fixture.integration("one")
            let second = try fixture.integration("two")
            #expect(try fixture.store.keyIDsInUse() == ["key-1"])

            #expect(throws: ListingFailed()) {
                try fixture.store.rewriteAllCredentials { record in
                    if record.id == second.id { throw ListingFailed() }
                    return (Data("resealed".utf8), "key-2")
                }
            }
            #expect(try fixture.store.integration(id: first.id ?? 0) == first)
            #expect(try fixture.store.keyIDsInUse() == ["key-1"])

            let count = try fixture.store.rewriteAllCredentials { record in
                (Data("resealed-\(record.id ?? 0)".utf8), "key-2")
            }
            #expect(count == 2)
            #expect(try fixture.store.keyIDsInUse() == ["key-2"])
            #expect(
                try fixture.store.integration(id: second.id ?? 0)?.credentialsCiphertext
                    == Data("resealed-\(second.id ?? 0)".utf8)
            )
        }
    }

    @Test(arguments: TestBackend.all) func countsAreCachedInTheBackgroundAndReplaced(
        _ backend: TestBackend
    ) async throws {
        try await withTemporaryStore(backend) { fixture in
            let one = try fixture.integration("one")
            let two = try fixture.integration("two")
            let ids = [one.id ?? 0, two.id ?? 0]
            fixture.store.saveCounts([
                CountsRecord(integrationID: ids[0], networks: 1, accessPoints: 2, fetchedAt: fixture.now),
                CountsRecord(integrationID: ids[1], networks: 3, accessPoints: 4, fetchedAt: fixture.now),
            ])
            await fixture.store.flushBackgroundWrites()
            #expect(
                try fixture.store.cachedCounts(integrationIDs: ids).mapValues(\.networks) == [ids[0]: 1, ids[1]: 3]
            )

            let later = fixture.now.addingTimeInterval(300)
            fixture.store.saveCounts([
                CountsRecord(integrationID: ids[0], networks: 9, accessPoints: 9, fetchedAt: later)
            ])
            await fixture.store.flushBackgroundWrites()
            let counts = try fixture.store.cachedCounts(integrationIDs: [ids[0]])
            #expect(
                counts[ids[0]] == CountsRecord(integrationID: ids[0], networks: 9, accessPoints: 9, fetchedAt: later)
            )
        }
    }
}
