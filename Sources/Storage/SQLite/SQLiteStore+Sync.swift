package import Foundation
import GRDB

/// Sync runs and the sync transaction itself.
extension SQLiteStore {
    /// Opens a run row (and its audit entry) before the sync transaction starts, so history shows it running.
    package func startSyncRun(
        integrationID: Int64,
        workspaceID: Int64,
        actorID: Int64,
        now: Date
    ) throws(StorageError) -> SyncRunRecord {
        try write { db in
            var run = SyncRunRecord(integrationID: integrationID, status: .running, startedAt: now)
            try run.insert(db)
            try AuditEntryRecord(
                workspaceID: workspaceID,
                userID: actorID,
                action: "integration.sync",
                target: "integration:\(integrationID)",
                detail: "run:\(run.id ?? 0)",
                at: now
            ).insert(db)
            return run
        }
    }

    /// Applies a whole listing in ONE write transaction, upserting pages as they arrive: new networks are created,
    /// changed ones updated, identical ones left alone, and — only once the source reports the listing complete —
    /// networks it no longer returns are marked `removed`. If the source throws, nothing of this sync remains and the
    /// source's error is rethrown as it was. On success the run row and the integration's last-sync fields are
    /// written in the same transaction.
    package func applySync(
        run: SyncRunRecord,
        workspaceID: Int64,
        pages: some NetworkPageSource,
        clock: @escaping () -> Date,
        progress: (SyncTally) -> Void = { _ in }
    ) throws -> SyncRunRecord {
        try writeRethrowing { db in
            let now = clock()
            var upserter = try NetworkUpserter(
                db,
                integrationID: run.integrationID,
                workspaceID: workspaceID,
                now: now
            )
            while let page = try pages.nextPage() {
                for network in page {
                    try upserter.upsert(network)
                }
                progress(upserter.tally)
            }
            let tally = try upserter.markUnseenRemoved()
            var finished = run
            finished.status = .succeeded
            finished.finishedAt = clock()
            finished.created = tally.created
            finished.updated = tally.updated
            finished.unchanged = tally.unchanged
            finished.removed = tally.removed
            finished.durationMS = Int((finished.finishedAt ?? now).timeIntervalSince(run.startedAt) * 1000)
            try finished.update(db)
            try recordLastSync(db, integrationID: run.integrationID, at: finished.finishedAt, status: .succeeded)
            return finished
        }
    }

    /// Records a failed run (after the sync transaction rolled back) on the run row and the integration.
    package func failSyncRun(_ run: SyncRunRecord, error: String, now: Date) throws(StorageError) -> SyncRunRecord {
        try write { db in
            var failed = run
            failed.status = .failed
            failed.finishedAt = now
            failed.durationMS = Int(now.timeIntervalSince(run.startedAt) * 1000)
            failed.error = error
            try failed.update(db)
            try recordLastSync(db, integrationID: run.integrationID, at: now, status: .failed, error: error)
            return failed
        }
    }

    package func syncRuns(integrationID: Int64, limit: Int = 20) throws(StorageError) -> [SyncRunRecord] {
        try read { db in
            try SyncRunRecord.filter(SyncRunRecord.Columns.integrationID == integrationID)
                .order(SyncRunRecord.Columns.id.desc).limit(limit).fetchAll(db)
        }
    }

    package func syncRun(id: Int64) throws(StorageError) -> SyncRunRecord? {
        try read { db in try SyncRunRecord.fetchOne(db, key: id) }
    }
}

private func recordLastSync(
    _ db: Database,
    integrationID: Int64,
    at date: Date?,
    status: SyncRunStatus,
    error: String? = nil
) throws {
    typealias Columns = IntegrationRecord.Columns
    _ = try IntegrationRecord.filter(key: integrationID).updateAll(
        db,
        Columns.lastSyncAt.set(to: date),
        Columns.lastSyncStatus.set(to: status),
        Columns.lastSyncError.set(to: error)
    )
}
