import Foundation
import PatchbayTestSupport
import Testing

@testable import Storage

@Suite struct SyncStoreTests {
    /// Created, updated, unchanged and removed over a sequence of listings, each one checked against the rows.
    @Test(arguments: TestBackend.all) func tallyCountsEachKindOfChange(_ backend: TestBackend) throws {
        try withStore(backend) { fixture in
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

    @Test(arguments: TestBackend.all) func aFailedListingChangesNothingAndIsRecordedOnItsRun(
        _ backend: TestBackend
    ) throws {
        try withStore(backend) { fixture in
            let hq = try fixture.integration()
            try fixture.sync(hq, (0..<4).map { upstream($0) })
            let before = try fixture.store.networks(NetworkFilter(workspaceID: fixture.workspaceID), limit: 100)

            // Two pages were staged, then the listing failed: the job ends without an apply.
            let run = try fixture.startJob(hq, at: fixture.now)
            try fixture.store.stageNetworks(runID: run.id ?? 0, [upstream(0, revision: 2)])
            try fixture.store.stageNetworks(runID: run.id ?? 0, [upstream(9)])
            #expect(try fixture.store.networks(NetworkFilter(workspaceID: fixture.workspaceID), limit: 100) == before)
            #expect(try fixture.store.syncRun(id: run.id ?? 0)?.status == .running)

            let later = fixture.now.addingTimeInterval(2)
            let failed = try #require(
                try fixture.store.finishJob(
                    run,
                    lease: fixture.lease,
                    status: .failed,
                    error: "meraki: listing failed",
                    now: later,
                    jitter: 0
                )
            )
            try fixture.store.clearStaging(runID: run.id ?? 0)
            #expect(failed.status == .failed && failed.durationMS == 2000 && failed.error == "meraki: listing failed")
            #expect(try fixture.store.syncRun(id: run.id ?? 0) == failed)
            #expect(try fixture.store.networks(NetworkFilter(workspaceID: fixture.workspaceID), limit: 100) == before)
            let integration = try #require(try fixture.store.integration(id: hq.id ?? 0))
            #expect(integration.lastSyncStatus == .failed)
            #expect(integration.lastSyncError == "meraki: listing failed")
            #expect(integration.lastSyncAt == later)
        }
    }

    @Test(arguments: TestBackend.all) func successRecordsTheRunAndTheIntegrationsLastSync(_ backend: TestBackend) throws
    {
        try withStore(backend) { fixture in
            let hq = try fixture.integration()
            let started = fixture.now
            let finishedAt = started.addingTimeInterval(1.5)
            let run = try fixture.startJob(hq, at: started)
            #expect(run.status == .running && run.owner == fixture.lease.owner)
            try fixture.store.stageNetworks(runID: run.id ?? 0, (0..<5).map { upstream($0) })
            let outcome = try fixture.store.applyStaged(
                run,
                lease: fixture.lease,
                workspaceID: fixture.workspaceID,
                now: finishedAt,
                jitter: 0
            )
            guard case .applied(let finished) = outcome else {
                Issue.record("not applied: \(outcome)")
                return
            }
            #expect(finished.created == 5)
            #expect(finished.durationMS == 1500 && finished.finishedAt == finishedAt)
            #expect(try fixture.store.syncRun(id: run.id ?? 0) == finished)
            let integration = try #require(try fixture.store.integration(id: hq.id ?? 0))
            #expect(integration.lastSyncStatus == .succeeded && integration.lastSyncAt == finishedAt)
            #expect(integration.lastSyncError == nil)
            let audit = try #require(try fixture.store.auditEntries(workspaceID: fixture.workspaceID).last)
            #expect(audit.action == "integration.sync" && audit.detail == "run:\(run.id ?? 0) trigger:manual")
        }
    }

    @Test(arguments: TestBackend.all) func runsAreListedNewestFirstUpToTheLimit(_ backend: TestBackend) throws {
        try withStore(backend) { fixture in
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
