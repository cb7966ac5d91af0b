import Foundation
import Testing

@testable import Storage

@Suite struct SyncStoreTests {
    /// Created, updated, unchanged and removed over a sequence of listings, each one checked against the rows.
    @Test func tallyCountsEachKindOfChange() throws {
        try withStore { fixture in
            let hq = try fixture.integration()
            let first = try fixture.sync(hq, (0..<5).map { upstream($0) })
            #expect(tally(first) == SyncTally(created: 5))
            #expect(first.status == .succeeded)

            #expect(tally(try fixture.sync(hq, (0..<5).map { upstream($0) })) == SyncTally(unchanged: 5))

            // 0 and 1 change, 2 stays, 3 and 4 vanish, 5 is new.
            let third = try fixture.sync(
                hq,
                [upstream(0, revision: 1), upstream(1, revision: 1), upstream(2), upstream(5)]
            )
            #expect(tally(third) == SyncTally(created: 1, updated: 2, unchanged: 1, removed: 2))
            #expect(
                try statuses(fixture) == [
                    "N_0": .active, "N_1": .active, "N_2": .active, "N_3": .removed,
                    "N_4": .removed, "N_5": .active,
                ]
            )
            #expect(try names(fixture)["N_0"] == "Network 0 r1")

            // 3 comes back unchanged in content: reactivating it is an update. 4 stays removed and is not counted twice.
            let fourth = try fixture.sync(
                hq,
                [upstream(0, revision: 1), upstream(1, revision: 1), upstream(2), upstream(3), upstream(5)]
            )
            #expect(tally(fourth) == SyncTally(updated: 1, unchanged: 4))
            #expect(try statuses(fixture)["N_3"] == .active)
            #expect(try statuses(fixture)["N_4"] == .removed)
        }
    }

    @Test func aFailedListingChangesNothingAndItsErrorComesBackAsThrown() throws {
        try withStore { fixture in
            let hq = try fixture.integration()
            try fixture.sync(hq, (0..<4).map { upstream($0) })
            let before = try fixture.store.networks(NetworkFilter(workspaceID: fixture.workspaceID), limit: 100)

            let run = try fixture.store.startSyncRun(
                integrationID: hq.id ?? 0,
                workspaceID: fixture.workspaceID,
                actorID: fixture.ownerID,
                now: fixture.now
            )
            let pages = ScriptedPages(
                [upstream(0, revision: 2), upstream(9)],
                pageSize: 1,
                failure: ListingFailed(),
                failAfterPages: 1
            )
            #expect(throws: ListingFailed()) {
                try fixture.store.applySync(
                    run: run,
                    workspaceID: fixture.workspaceID,
                    pages: pages,
                    clock: { fixture.now }
                )
            }
            #expect(try fixture.store.networks(NetworkFilter(workspaceID: fixture.workspaceID), limit: 100) == before)
            #expect(try fixture.store.syncRun(id: run.id ?? 0)?.status == .running)

            let later = fixture.now.addingTimeInterval(2)
            let failed = try fixture.store.failSyncRun(run, error: "meraki: listing failed", now: later)
            #expect(failed.status == .failed && failed.durationMS == 2000 && failed.error == "meraki: listing failed")
            #expect(try fixture.store.syncRun(id: run.id ?? 0) == failed)
            let integration = try #require(try fixture.store.integration(id: hq.id ?? 0))
            #expect(integration.lastSyncStatus == .failed)
            #expect(integration.lastSyncError == "meraki: listing failed")
            #expect(integration.lastSyncAt == later)
        }
    }

    @Test func successRecordsTheRunAndTheIntegrationsLastSync() throws {
        try withStore { fixture in
            let hq = try fixture.integration()
            let started = fixture.now
            let finishedAt = started.addingTimeInterval(1.5)
            let run = try fixture.store.startSyncRun(
                integrationID: hq.id ?? 0,
                workspaceID: fixture.workspaceID,
                actorID: fixture.ownerID,
                now: started
            )
            #expect(run.status == .running)
            var progress: [SyncTally] = []
            let finished = try fixture.store.applySync(
                run: run,
                workspaceID: fixture.workspaceID,
                pages: ScriptedPages((0..<5).map { upstream($0) }, pageSize: 2),
                clock: { finishedAt },
                progress: { progress.append($0) }
            )
            #expect(progress.map(\.created) == [2, 4, 5])
            #expect(finished.durationMS == 1500 && finished.finishedAt == finishedAt)
            #expect(try fixture.store.syncRun(id: run.id ?? 0) == finished)
            let integration = try #require(try fixture.store.integration(id: hq.id ?? 0))
            #expect(integration.lastSyncStatus == .succeeded && integration.lastSyncAt == finishedAt)
            #expect(integration.lastSyncError == nil)
            let audit = try #require(try fixture.store.auditEntries(workspaceID: fixture.workspaceID).last)
            #expect(audit.action == "integration.sync" && audit.detail == "run:\(run.id ?? 0)")
        }
    }

    @Test func runsAreListedNewestFirstUpToTheLimit() throws {
        try withStore { fixture in
            let hq = try fixture.integration()
            let runs = try (0..<4).map { _ in try fixture.sync(hq, [upstream(1)]) }
            let listed = try fixture.store.syncRuns(integrationID: hq.id ?? 0, limit: 3)
            #expect(listed.map(\.id) == runs.reversed().prefix(3).map(\.id))
        }
    }
}

private func tally(_ run: SyncRunRecord) -> SyncTally {
    SyncTally(created: run.created, updated: run.updated, unchanged: run.unchanged, removed: run.removed)
}

private func statuses(_ fixture: StoreFixture) throws -> [String: NetworkStatus] {
    let listed = try fixture.store.networks(NetworkFilter(workspaceID: fixture.workspaceID), limit: 100)
    return Dictionary(uniqueKeysWithValues: listed.map { ($0.network.externalID, $0.network.provisioningStatus) })
}

private func names(_ fixture: StoreFixture) throws -> [String: String] {
    let listed = try fixture.store.networks(NetworkFilter(workspaceID: fixture.workspaceID), limit: 100)
    return Dictionary(uniqueKeysWithValues: listed.map { ($0.network.externalID, $0.network.name) })
}
