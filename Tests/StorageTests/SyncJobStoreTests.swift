import Foundation
import GRDB
import PatchbayTestSupport
import Storage
import Testing

/// The job model's guarantees, held by the database itself: two `PatchbayDatabase` instances on one file stand for
/// two processes.
@Suite struct SyncJobStoreTests {
    @Test func theDatabaseRefusesASecondLiveJobEvenWithoutTheCheck() throws {
        try withJobDatabase { database, integrationID, _ in
            let now = Date()
            let inserted = try database.writer.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO sync_runs (integration_id, status, trigger, queued_at) VALUES (?, 'queued', 'manual', ?)",
                    arguments: [integrationID, now]
                )
            }
            _ = inserted
            #expect(throws: DatabaseError.self) {
                try database.writer.write { db in
                    try db.execute(
                        sql:
                            "INSERT INTO sync_runs (integration_id, status, trigger, queued_at) VALUES (?, 'running', 'manual', ?)",
                        arguments: [integrationID, now]
                    )
                }
            }
        }
    }

    @Test func secondAdmissionNamesTheLiveJobAndOnlyOneProcessClaimsIt() throws {
        try withJobDatabase { database, integrationID, workspaceID in
            let other = try SQLiteStore(path: database.path)
            let now = Date()
            let admitted = try database.admitSyncJob(
                integrationID: integrationID,
                workspaceID: workspaceID,
                trigger: .manual,
                requestedBy: nil,
                lease: nil,
                now: now
            )
            guard case .admitted(let queued) = admitted else { throw StorageError(path: "", reason: .failed("")) }
            let refused = try other.admitSyncJob(
                integrationID: integrationID,
                workspaceID: workspaceID,
                trigger: .schedule,
                requestedBy: nil,
                lease: nil,
                now: now
            )
            guard case .alreadyLive(let live) = refused else {
                Issue.record("a second live job was admitted")
                return
            }
            #expect(live.id == queued.id)
            let first = try database.claimQueuedJob(lease: JobLease(owner: "a/1/x", duration: 30), now: now)
            let second = try other.claimQueuedJob(lease: JobLease(owner: "b/2/y", duration: 30), now: now)
            #expect(first?.id == queued.id && first?.owner == "a/1/x" && first?.status == .running)
            #expect(second == nil)
        }
    }

    @Test func anExpiredLeaseIsAbandonedByAnyoneAndItsOwnerCannotRenewOrApply() throws {
        try withJobDatabase { database, integrationID, workspaceID in
            let lease = JobLease(owner: "a/1/x", duration: 2)
            let start = Date()
            guard
                case .admitted(let run) = try database.admitSyncJob(
                    integrationID: integrationID,
                    workspaceID: workspaceID,
                    trigger: .manual,
                    requestedBy: nil,
                    lease: lease,
                    now: start
                )
            else { throw StorageError(path: "", reason: .failed("not admitted")) }
            try database.stageNetworks(
                runID: run.id ?? 0,
                [
                    SyncedNetwork(externalID: "N_1", name: "One", organizationID: nil, config: "{}", contentHash: "h1")
                ]
            )
            #expect(
                try database.renewLease(runID: run.id ?? 0, lease: lease, now: start.addingTimeInterval(1))
                    == .held(cancelRequested: false)
            )
            // Renewed at +1 s for 2 s: expires at +3 s. Another process looks at +4 s.
            let other = try SQLiteStore(path: database.path)
            let abandoned = try other.abandonExpiredJobs(now: start.addingTimeInterval(4))
            #expect(abandoned.map(\.id) == [run.id])
            #expect(abandoned.first?.error?.contains("a/1/x stopped renewing its lease") == true)
            guard
                case .lost(let seen) = try database.renewLease(
                    runID: run.id ?? 0,
                    lease: lease,
                    now: start.addingTimeInterval(5)
                )
            else {
                Issue.record("renewed a lost lease")
                return
            }
            #expect(seen?.status == .abandoned)
            let applied = try database.applyStaged(
                run,
                lease: lease,
                workspaceID: workspaceID,
                now: start.addingTimeInterval(5),
                jitter: 0
            )
            #expect(applied == .lost(seen))
            let networks = try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM networks") }
            // Its owner drops what it staged, as a sync does whatever its end (staging is the writer's own).
            try database.clearStaging(runID: run.id ?? 0)
            let stagingTables = try database.writer.write { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.sqlite_master WHERE name LIKE 'sync_staging_%'")
            }
            #expect(networks == 0 && stagingTables == 0)
        }
    }

    @Test func cancelRequestedBeforeTheApplyEndsTheJobCancelledWithNothingApplied() throws {
        try withJobDatabase { database, integrationID, workspaceID in
            let lease = JobLease(owner: "a/1/x", duration: 30)
            let now = Date()
            guard
                case .admitted(let run) = try database.admitSyncJob(
                    integrationID: integrationID,
                    workspaceID: workspaceID,
                    trigger: .manual,
                    requestedBy: nil,
                    lease: lease,
                    now: now
                )
            else { throw StorageError(path: "", reason: .failed("not admitted")) }
            try database.stageNetworks(
                runID: run.id ?? 0,
                [
                    SyncedNetwork(externalID: "N_1", name: "One", organizationID: nil, config: "{}", contentHash: "h1")
                ]
            )
            let requested = try SQLiteStore(path: database.path).requestCancel(runID: run.id ?? 0, now: now)
            #expect(requested?.status == .running && requested?.cancelRequestedAt != nil)
            #expect(try database.cancelRequested(runID: run.id ?? 0))
            guard
                case .cancelled(let ended) = try database.applyStaged(
                    run,
                    lease: lease,
                    workspaceID: workspaceID,
                    now: now,
                    jitter: 0
                )
            else {
                Issue.record("applied despite the cancel request")
                return
            }
            #expect(ended.status == .cancelled)
            let networks = try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM networks") }
            #expect(networks == 0)
        }
    }
}

/// A temp database with one workspace and one integration: (database, integration id, workspace id).
private func withJobDatabase(_ body: (SQLiteStore, Int64, Int64) throws -> Void) throws {
    let folder = try TemporaryDirectory.make(prefix: "patchbay-jobs")
    defer { folder.remove() }
    let database = try SQLiteStore(directory: folder.file("data"))
    let (workspace, user) = try database.bootstrap(
        ownerName: "ops",
        workspaceName: "acme",
        tokenName: "first",
        tokenHash: "hash",
        now: Date()
    )
    let integration = try database.insertIntegration(
        IntegrationRecord(
            workspaceID: workspace.id ?? 0,
            provider: "scripted",
            name: "HQ",
            settings: "{}",
            credentialsCiphertext: Data(),
            keyID: "",
            createdBy: user.id,
            createdAt: Date(),
            updatedAt: Date()
        )
    ) { _ in (Data([1]), "k1") }
    try body(database, integration.id ?? 0, workspace.id ?? 0)
}
