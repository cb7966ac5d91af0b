package import Foundation
import PostgresNIO

/// The job model on PostgreSQL. Every transition is one short transaction that locks the row it changes and names
/// the state it expects; the queue is claimed with `FOR UPDATE SKIP LOCKED`, so workers of every instance take
/// different jobs without waiting for each other, and the partial unique index allows one live job per integration.
extension PostgresStore {
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
            let status: SyncRunStatus = lease == nil ? .queued : .running
            let expires = lease.map { now.addingTimeInterval($0.duration) }
            let started: Date? = lease == nil ? nil : now
            // The index decides: a second live job meets the conflict (waiting for a concurrent admission to
            // commit), and the caller is told which job is live.
            let inserted = try db.one(
                """
                INSERT INTO sync_runs (integration_id, status, trigger, requested_by, queued_at, owner,
                    lease_expires_at, started_at)
                VALUES (\(integrationID), \(status.rawValue), \(trigger.rawValue), \(requestedBy), \(now), \(lease?.owner), \(expires),
                    \(started))
                ON CONFLICT (integration_id) WHERE status IN ('queued', 'running') DO NOTHING
                RETURNING \(unescaped: PGColumns.run)
                """
            ) { row in try SyncRunRecord(pg: row) }
            guard let run = inserted else {
                guard let live = try liveJob(db, integrationID: integrationID) else {
                    throw StorageError(path: path, reason: .busy)
                }
                return .alreadyLive(live)
            }
            try audit(
                db,
                AuditEntryRecord(
                    workspaceID: workspaceID,
                    userID: requestedBy,
                    action: "integration.sync",
                    target: "integration:\(integrationID)",
                    detail: "run:\(run.id ?? 0) trigger:\(trigger)",
                    at: now
                )
            )
            return .admitted(run)
        }
    }

    /// Leases the oldest queued job that no other worker is claiming right now.
    package func claimQueuedJob(lease: JobLease, now: Date) throws(StorageError) -> SyncRunRecord? {
        try read { db in
            try db.one(
                """
                UPDATE sync_runs SET status = 'running', owner = \(lease.owner), started_at = \(now),
                    lease_expires_at = \(now.addingTimeInterval(lease.duration))
                WHERE id = (
                    SELECT id FROM sync_runs WHERE status = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: PGColumns.run)
                """
            ) { row in try SyncRunRecord(pg: row) }
        }
    }

    package func renewLease(runID: Int64, lease: JobLease, now: Date) throws(StorageError) -> LeaseCheck {
        try write { db in
            let renewed = try db.value(
                """
                UPDATE sync_runs SET lease_expires_at = \(now.addingTimeInterval(lease.duration))
                WHERE id = \(runID) AND owner = \(lease.owner) AND status = 'running' AND lease_expires_at >= \(now)
                RETURNING cancel_requested_at IS NOT NULL
                """,
                as: Bool.self
            )
            if let renewed { return .held(cancelRequested: renewed) }
            try abandonExpiredJobs(db, now: now)
            return .lost(try run(db, id: runID))
        }
    }

    @discardableResult
    package func abandonExpiredJobs(now: Date) throws(StorageError) -> [SyncRunRecord] {
        let expired = try read { db in
            try db.value(
                """
                SELECT EXISTS (SELECT 1 FROM sync_runs WHERE status = 'running' AND lease_expires_at < \(now))
                """,
                as: Bool.self
            ) ?? false
        }
        guard expired else { return [] }  // the common case stays one read
        return try write { db in try abandonExpiredJobs(db, now: now) }
    }

    package func requestCancel(runID: Int64, now: Date) throws(StorageError) -> SyncRunRecord? {
        try write { db in
            try abandonExpiredJobs(db, now: now)
            guard var run = try run(db, id: runID, forUpdate: true) else { return nil }
            switch run.status {
            case .queued:
                run.cancelQueued(at: now)
                try save(db, run)
                try recordLastSync(db, run: run)
            case .running where run.cancelRequestedAt == nil:
                run.cancelRequestedAt = now
                try db.execute("UPDATE sync_runs SET cancel_requested_at = \(now) WHERE id = \(runID)")
            default:
                break
            }
            return run
        }
    }

    package func cancelRequested(runID: Int64) throws(StorageError) -> Bool {
        try read { db in
            try db.value(
                "SELECT cancel_requested_at IS NOT NULL OR status <> 'running' FROM sync_runs WHERE id = \(runID)",
                as: Bool.self
            ) ?? true
        }
    }

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
            try save(db, current)
            try recordLastSync(db, run: current)
            try reschedule(db, integrationID: current.integrationID, succeeded: false, now: now, jitter: jitter)
            return current
        }
    }

    package func syncRuns(integrationID: Int64, limit: Int) throws(StorageError) -> [SyncRunRecord] {
        try read { db in
            try db.all(
                """
                SELECT \(unescaped: PGColumns.run) FROM sync_runs WHERE integration_id = \(integrationID)
                ORDER BY id DESC LIMIT \(limit)
                """
            ) { row in try SyncRunRecord(pg: row) }
        }
    }

    package func syncRun(id: Int64) throws(StorageError) -> SyncRunRecord? {
        try read { db in try run(db, id: id) }
    }

    package func liveSyncRun(integrationID: Int64) throws(StorageError) -> SyncRunRecord? {
        try read { db in try liveJob(db, integrationID: integrationID) }
    }

    package func lastFinishedRuns(integrationIDs: [Int64]) throws(StorageError) -> [Int64: SyncRunRecord] {
        guard !integrationIDs.isEmpty else { return [:] }
        return try read { db in
            let runs = try db.all(
                """
                SELECT DISTINCT ON (integration_id) \(unescaped: PGColumns.run) FROM sync_runs
                WHERE integration_id = ANY(\(integrationIDs)) AND status NOT IN ('queued', 'running')
                ORDER BY integration_id, id DESC
                """
            ) { row in try SyncRunRecord(pg: row) }
            return Dictionary(runs.map { ($0.integrationID, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    func run(_ db: PGSession, id: Int64, forUpdate: Bool = false) throws -> SyncRunRecord? {
        try db.one(
            "SELECT \(unescaped: PGColumns.run) FROM sync_runs WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")"
        ) { row in try SyncRunRecord(pg: row) }
    }

    func liveJob(_ db: PGSession, integrationID: Int64) throws -> SyncRunRecord? {
        try db.one(
            """
            SELECT \(unescaped: PGColumns.run) FROM sync_runs
            WHERE integration_id = \(integrationID) AND status IN ('queued', 'running')
            """
        ) { row in try SyncRunRecord(pg: row) }
    }

    /// The job, locked, if `lease` still holds it: running and owned by it.
    func ownedRunningJob(_ db: PGSession, runID: Int64, lease: JobLease) throws -> SyncRunRecord? {
        guard let run = try run(db, id: runID, forUpdate: true), run.status == .running, run.owner == lease.owner
        else { return nil }
        return run
    }

    /// Writes every mutable column of a run.
    func save(_ db: PGSession, _ run: SyncRunRecord) throws {
        try db.execute(
            """
            UPDATE sync_runs SET status = \(run.status.rawValue), owner = \(run.owner), lease_expires_at = \(run.leaseExpiresAt),
                cancel_requested_at = \(run.cancelRequestedAt), started_at = \(run.startedAt),
                finished_at = \(run.finishedAt), created = \(run.created), updated = \(run.updated),
                unchanged = \(run.unchanged), removed = \(run.removed), duration_ms = \(run.durationMS),
                error = \(run.error)
            WHERE id = \(run.id)
            """
        )
    }

    /// Marks every running job whose lease expired `abandoned` (rows another transaction is ending are skipped:
    /// their owner is alive), and drops what they had staged.
    @discardableResult
    func abandonExpiredJobs(_ db: PGSession, now: Date) throws -> [SyncRunRecord] {
        let expired = try db.all(
            """
            SELECT \(unescaped: PGColumns.run) FROM sync_runs WHERE status = 'running' AND lease_expires_at < \(now)
            FOR UPDATE SKIP LOCKED
            """
        ) { row in try SyncRunRecord(pg: row) }
        var abandoned: [SyncRunRecord] = []
        for var run in expired {
            run.abandon(at: now)
            try save(db, run)
            try db.execute("DELETE FROM sync_staging WHERE run_id = \(run.id)")
            try recordLastSync(db, run: run)
            abandoned.append(run)
        }
        return abandoned
    }

    func recordLastSync(_ db: PGSession, run: SyncRunRecord) throws {
        try db.execute(
            """
            UPDATE integrations SET last_sync_at = \(run.finishedAt), last_sync_status = \(run.status.rawValue),
                last_sync_error = \(run.error)
            WHERE id = \(run.integrationID)
            """
        )
    }
}
