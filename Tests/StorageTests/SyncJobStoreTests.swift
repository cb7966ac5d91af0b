import Foundation
import GRDB
import PatchbayTestSupport
import Storage
import Testing

/// The job model's guarantees, held by the database itself: two `PatchbayDatabase` instances on one file stand for
/// two processes.
@Suite struct SyncJobStoreTests {
    @Test(arguments: TestBackend.all) func theDatabaseRefusesASecondLiveJobEvenWithoutTheCheck(
        _ backend: TestBackend
    ) throws {
        try withJobDatabase(backend) { jobs, integrationID, _ in
            try jobs.execute(
                "INSERT INTO sync_runs (integration_id, status, trigger, queued_at) VALUES (\(integrationID), 'queued', 'manual', CURRENT_TIMESTAMP)"
            )
            #expect(throws: (any Error).self) {
                try jobs.execute(
                    "INSERT INTO sync_runs (integration_id, status, trigger, queued_at) VALUES (\(integrationID), 'running', 'manual', CURRENT_TIMESTAMP)"
                )
            }
        }
    }

    @Test(arguments: TestBackend.all) func secondAdmissionNamesTheLiveJobAndOnlyOneProcessClaimsIt(
        _ backend: TestBackend
    ) throws {
        try withJobDatabase(backend) { jobs, integrationID, workspaceID in
            let database = jobs.store
            let other = try jobs.anotherProcess()
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

    @Test(arguments: TestBackend.all) func anExpiredLeaseIsAbandonedByAnyoneAndItsOwnerCannotRenewOrApply(
        _ backend: TestBackend
    ) throws {
        try withJobDatabase(backend) { jobs, integrationID, workspaceID in
            let database = jobs.store
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
            let other = try jobs.anotherProcess()
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
            let networks = try jobs.count("networks")
            // Its owner drops what it staged, as a sync does whatever its end.
            try database.clearStaging(runID: run.id ?? 0)
            let staged = try jobs.stagedRows()
            #expect(networks == 0 && staged == 0)
        }
    }

    @Test(arguments: TestBackend.all) func cancelRequestedBeforeTheApplyEndsTheJobCancelledWithNothingApplied(
        _ backend: TestBackend
    ) throws {
        try withJobDatabase(backend) { jobs, integrationID, workspaceID in
            let database = jobs.store
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
            let requested = try jobs.anotherProcess().requestCancel(runID: run.id ?? 0, now: now)
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
            let networks = try jobs.count("networks")
            #expect(networks == 0)
        }
    }
}

/// One backend's database for the job tests, as two "processes" would see it: the store, another store on the
/// same data, and raw SQL.
private struct JobDatabase {
    let store: any PatchbayStore
    let anotherProcess: () throws -> any PatchbayStore
    let execute: (String) throws -> Void
    let count: (String) throws -> Int
    /// Staged rows left anywhere (SQLite: the writer's temporary staging tables; PostgreSQL: `sync_staging`).
    let stagedRows: () throws -> Int
}

/// A temp database with one workspace and one integration: (database, integration id, workspace id).
private func withJobDatabase(_ backend: TestBackend, _ body: (JobDatabase, Int64, Int64) throws -> Void) throws {
    let folder = try TemporaryDirectory.make(prefix: "patchbay-jobs")
    defer { folder.remove() }
    try withTestDatabase(backend) { postgres in
        let jobs: JobDatabase
        if let postgres {
            jobs = JobDatabase(
                store: try PostgresStore(url: postgres.url),
                anotherProcess: { try PostgresStore(url: postgres.url) },
                execute: { sql in try postgres.execute(sql) },
                count: { table in
                    Int(try postgres.column("SELECT count(*)::text FROM \(table)").first.flatMap { $0 } ?? "") ?? -1
                },
                stagedRows: {
                    Int(try postgres.column("SELECT count(*)::text FROM sync_staging").first.flatMap { $0 } ?? "") ?? -1
                }
            )
        } else {
            let sqlite = try SQLiteStore(directory: folder.file("data"))
            jobs = JobDatabase(
                store: sqlite,
                anotherProcess: { try SQLiteStore(path: sqlite.path) },
                execute: { sql in try sqlite.writer.write { db in try db.execute(sql: sql) } },
                count: { table in
                    try sqlite.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") } ?? -1
                },
                stagedRows: {
                    try sqlite.writer.write { db in
                        try Int.fetchOne(
                            db,
                            sql: "SELECT count(*) FROM temp.sqlite_master WHERE name LIKE 'sync_staging_%'"
                        )
                    } ?? -1
                }
            )
        }
        let ids = try prepare(jobs.store)
        try body(jobs, ids.integration, ids.workspace)
    }
}
/// One workspace and one integration in a fresh store.
private func prepare(_ database: any PatchbayStore) throws -> (integration: Int64, workspace: Int64) {
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
    return (integration.id ?? 0, workspace.id ?? 0)
}
