package import Foundation
import GRDB

/// The job model. Every transition is one short write transaction that names the state it expects, so two processes
/// can never both believe they run a job: SQLite's single writer serializes them here, and on PostgreSQL the same
/// statements take `FOR UPDATE SKIP LOCKED` in the claim's subquery.
extension SQLiteStore {
    /// Admits a sync job for an integration unless one is live. With `lease` the job starts running under it at once
    /// (the caller executes it in-process); without, it is queued for a worker. Expired leases are reaped first, so
    /// an integration whose last owner died is free again.
    package func admitSyncJob(
        integrationID: Int64,
        workspaceID: Int64,
        trigger: SyncTrigger,
        requestedBy: Int64?,
        lease: JobLease?,
        now: Date
    ) throws(StorageError) -> JobAdmission {
        try write { db in
            try abandonExpiredJobs(db, now: now)
            if let live = try liveJob(db, integrationID: integrationID) { return .alreadyLive(live) }
            var run = SyncRunRecord(
                integrationID: integrationID,
                status: lease == nil ? .queued : .running,
                trigger: trigger,
                requestedBy: requestedBy,
                queuedAt: now,
                owner: lease?.owner,
                leaseExpiresAt: lease.map { now.addingTimeInterval($0.duration) },
                startedAt: lease == nil ? nil : now
            )
            try run.insert(db)  // the partial unique index refuses a second live job even if the check above missed
            try AuditEntryRecord(
                workspaceID: workspaceID,
                userID: requestedBy,
                action: "integration.sync",
                target: "integration:\(integrationID)",
                detail: "run:\(run.id ?? 0) trigger:\(trigger)",
                at: now
            ).insert(db)
            return .admitted(run)
        }
    }

    /// Leases the oldest queued job to `lease.owner`, or returns nil when none waits.
    package func claimQueuedJob(lease: JobLease, now: Date) throws(StorageError) -> SyncRunRecord? {
        let anyQueued = try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sync_runs WHERE status = 'queued')") ?? false
        }
        guard anyQueued else { return nil }  // idle workers poll with reads, never the write lock
        return try write { db in
            // PostgreSQL: `WHERE id = (SELECT id … WHERE status = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)`.
            try SyncRunRecord.fetchOne(
                db,
                sql: """
                    UPDATE sync_runs SET status = 'running', owner = ?, started_at = ?, lease_expires_at = ?
                    WHERE id = (SELECT id FROM sync_runs WHERE status = 'queued' ORDER BY id LIMIT 1)
                    RETURNING *
                    """,
                arguments: [lease.owner, now, now.addingTimeInterval(lease.duration)]
            )
        }
    }

    /// Renews a running job's lease; a lease that already expired is not renewed but reaped, and reported lost.
    package func renewLease(runID: Int64, lease: JobLease, now: Date) throws(StorageError) -> LeaseCheck {
        try write { db in
            let renewed = try Row.fetchOne(
                db,
                sql: """
                    UPDATE sync_runs SET lease_expires_at = ?
                    WHERE id = ? AND owner = ? AND status = 'running' AND lease_expires_at >= ?
                    RETURNING cancel_requested_at
                    """,
                arguments: [now.addingTimeInterval(lease.duration), runID, lease.owner, now]
            )
            if let renewed { return .held(cancelRequested: renewed[0] as DatabaseValue != .null) }
            try abandonExpiredJobs(db, now: now)
            return .lost(try SyncRunRecord.fetchOne(db, key: runID))
        }
    }

    /// Marks every running job whose lease expired `abandoned`, with the reason, and drops what it had staged.
    /// Any process may do this: the job's owner is gone or too late, and the job changed nothing visible.
    @discardableResult
    package func abandonExpiredJobs(now: Date) throws(StorageError) -> [SyncRunRecord] {
        let expired = try read { db in
            try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM sync_runs WHERE status = 'running' AND lease_expires_at < ?)",
                arguments: [now]
            ) ?? false
        }
        guard expired else { return [] }  // the common case stays a read: no write lock taken
        return try write { db in try abandonExpiredJobs(db, now: now) }
    }

    /// Asks for a job to stop. A queued job is cancelled at once; a running one is flagged and its owner, which
    /// polls the flag, stops the plugin call and ends it `cancelled`. Returns the job as it is afterwards.
    package func requestCancel(runID: Int64, now: Date) throws(StorageError) -> SyncRunRecord? {
        try write { db in
            try abandonExpiredJobs(db, now: now)
            guard var run = try SyncRunRecord.fetchOne(db, key: runID) else { return nil }
            switch run.status {
            case .queued:
                run.cancelQueued(at: now)
                try run.update(db)
                try recordLastSync(db, run: run)
            case .running where run.cancelRequestedAt == nil:
                run.cancelRequestedAt = now
                try run.update(db, columns: [SyncRunRecord.CodingKeys.cancelRequestedAt.rawValue])
            default:
                break
            }
            return run
        }
    }

    /// Whether someone asked the job to stop, read without the write lock (the owner polls this).
    package func cancelRequested(runID: Int64) throws(StorageError) -> Bool {
        try read { db in
            try Bool.fetchOne(
                db,
                sql: "SELECT cancel_requested_at IS NOT NULL OR status <> 'running' FROM sync_runs WHERE id = ?",
                arguments: [runID]
            ) ?? true
        }
    }

    /// Ends a running job that did not apply (`failed` or `cancelled`), if `lease` still holds it; nil when it was
    /// lost meanwhile (the row then already says why).
    package func finishJob(
        _ run: SyncRunRecord,
        lease: JobLease,
        status: SyncRunStatus,
        error: String,
        now: Date,
        jitter: Double
    ) throws(StorageError) -> SyncRunRecord? {
        try write { db in
            guard var current = try ownedRunningJob(db, runID: run.id ?? 0, lease: lease) else { return nil }
            current.end(status, at: now, error: error)
            try current.update(db)
            try recordLastSync(db, run: current)
            try reschedule(db, integrationID: current.integrationID, succeeded: false, now: now, jitter: jitter)
            return current
        }
    }

    package func syncRuns(integrationID: Int64, limit: Int = 20) throws(StorageError) -> [SyncRunRecord] {
        try read { db in
            try SyncRunRecord.filter(Column("integration_id") == integrationID)
                .order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }

    package func syncRun(id: Int64) throws(StorageError) -> SyncRunRecord? {
        try read { db in try SyncRunRecord.fetchOne(db, key: id) }
    }

    /// The live (queued or running) job of an integration, if any.
    package func liveSyncRun(integrationID: Int64) throws(StorageError) -> SyncRunRecord? {
        try read { db in try liveJob(db, integrationID: integrationID) }
    }

    /// The latest finished run of each integration.
    package func lastFinishedRuns(integrationIDs: [Int64]) throws(StorageError) -> [Int64: SyncRunRecord] {
        guard !integrationIDs.isEmpty else { return [:] }
        return try read { db in
            let runs = try SyncRunRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM sync_runs WHERE id IN (
                        SELECT max(id) FROM sync_runs
                        WHERE integration_id IN (SELECT value FROM json_each(?))
                            AND status NOT IN ('queued', 'running')
                        GROUP BY integration_id
                    )
                    """,
                arguments: ["[" + integrationIDs.map(String.init).joined(separator: ",") + "]"]
            )
            return Dictionary(runs.map { ($0.integrationID, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    func liveJob(_ db: Database, integrationID: Int64) throws -> SyncRunRecord? {
        try SyncRunRecord.fetchOne(
            db,
            sql: "SELECT * FROM sync_runs WHERE integration_id = ? AND status IN ('queued', 'running')",
            arguments: [integrationID]
        )
    }

    /// The job if `lease` still holds it: running, owned by it, lease not yet expired.
    func ownedRunningJob(_ db: Database, runID: Int64, lease: JobLease) throws -> SyncRunRecord? {
        guard let run = try SyncRunRecord.fetchOne(db, key: runID), run.status == .running,
            run.owner == lease.owner
        else { return nil }
        return run
    }

    @discardableResult
    func abandonExpiredJobs(_ db: Database, now: Date) throws -> [SyncRunRecord] {
        let expired = try SyncRunRecord.fetchAll(
            db,
            sql: "SELECT * FROM sync_runs WHERE status = 'running' AND lease_expires_at < ?",
            arguments: [now]
        )
        var abandoned: [SyncRunRecord] = []
        for var run in expired {
            run.abandon(at: now)
            try run.update(db)
            // This process's staged pages for it, if it staged any (another process's went with that process).
            try db.execute(sql: "DROP TABLE IF EXISTS \(Self.stagingTable(run.id ?? 0))")
            try recordLastSync(db, run: run)
            abandoned.append(run)
        }
        return abandoned
    }

    /// Keeps the integration row's last-sync columns in step with its latest finished run.
    func recordLastSync(_ db: Database, run: SyncRunRecord) throws {
        try db.execute(
            sql: "UPDATE integrations SET last_sync_at = ?, last_sync_status = ?, last_sync_error = ? WHERE id = ?",
            arguments: [run.finishedAt, run.status, run.error, run.integrationID]
        )
    }
}
