package import Foundation
import PostgresNIO

/// Sync intervals, the scheduler's query, and the shared rate limiter's buckets.
extension PostgresStore {
    package func setSyncInterval(integrationID: Int64, seconds: Int?, firstDue: Date) throws(StorageError) {
        try read { db in
            guard let seconds else {
                try db.execute("DELETE FROM sync_schedules WHERE integration_id = \(integrationID)")
                return
            }
            try db.execute(
                """
                INSERT INTO sync_schedules (integration_id, interval_seconds, next_sync_at, failures)
                VALUES (\(integrationID), \(seconds), \(firstDue), 0)
                ON CONFLICT (integration_id) DO UPDATE SET interval_seconds = excluded.interval_seconds,
                    next_sync_at = excluded.next_sync_at, failures = 0
                """
            )
        }
    }

    package func syncSchedules(integrationIDs: [Int64]) throws(StorageError) -> [Int64: SyncScheduleRecord] {
        guard !integrationIDs.isEmpty else { return [:] }
        return try read { db in
            let rows = try db.all(
                """
                SELECT integration_id, interval_seconds, next_sync_at, failures FROM sync_schedules
                WHERE integration_id = ANY(\(integrationIDs))
                """
            ) { row in
                SyncScheduleRecord(
                    integrationID: try row("integration_id"),
                    intervalSeconds: try row("interval_seconds"),
                    nextSyncAt: try row("next_sync_at"),
                    failures: try row("failures")
                )
            }
            return Dictionary(rows.map { ($0.integrationID, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Queues a `schedule` job for every due integration without a live job, in one statement with its audit
    /// entries. Schedulers of several instances may run it at once: the one-live-job index lets each integration
    /// be queued by one of them only.
    package func enqueueDueSyncs(now: Date) throws(StorageError) -> [SyncRunRecord] {
        try read { db in
            try db.all(
                """
                WITH queued AS (
                    INSERT INTO sync_runs (integration_id, status, trigger, queued_at, due_at)
                    SELECT s.integration_id, 'queued', 'schedule', \(now), s.next_sync_at FROM sync_schedules s
                    WHERE s.next_sync_at <= \(now) AND NOT EXISTS (
                        SELECT 1 FROM sync_runs r WHERE r.integration_id = s.integration_id
                            AND r.status IN ('queued', 'running'))
                    ORDER BY s.next_sync_at
                    ON CONFLICT (integration_id) WHERE status IN ('queued', 'running') DO NOTHING
                    RETURNING \(unescaped: PGColumns.run)
                ), audited AS (
                    INSERT INTO audit_log (workspace_id, user_id, action, target, detail, at)
                    SELECT i.workspace_id, NULL, 'integration.sync', 'integration:' || q.integration_id,
                        'run:' || q.id || ' trigger:schedule', \(now)
                    FROM queued q JOIN integrations i ON i.id = q.integration_id
                )
                SELECT * FROM queued ORDER BY id
                """
            ) { row in try SyncRunRecord(pg: row) }
        }
    }

    /// After a run ends: success resets the back-off, failure doubles the wait up to interval × 8 (as SQLite).
    func reschedule(_ db: PGSession, integrationID: Int64, succeeded: Bool, now: Date, jitter: Double) throws {
        guard
            let schedule = try db.one(
                """
                SELECT interval_seconds, failures FROM sync_schedules WHERE integration_id = \(integrationID)
                FOR UPDATE
                """,
                { row in
                    (interval: try row("interval_seconds", as: Int.self), failures: try row("failures", as: Int.self))
                }
            )
        else { return }
        let failures = succeeded ? 0 : min(schedule.failures + 1, 16)
        let factor = Double(min(1 << failures, 8))
        let interval = Double(schedule.interval)
        let next = now.addingTimeInterval(interval * factor + interval * 0.1 * min(max(jitter, 0), 1))
        try db.execute(
            """
            UPDATE sync_schedules SET next_sync_at = \(next), failures = \(failures)
            WHERE integration_id = \(integrationID)
            """
        )
    }

    /// One GCRA reservation, shared by every instance on this database, in one round trip: the schema's
    /// `patchbay_reserve_rate_slots` creates the buckets' missing rows, locks them in key order (so two reservations
    /// over overlapping buckets cannot deadlock), reads and moves them, and now and then sweeps expired buckets
    /// (`SchemaStep.rateReservation` says why it commits without waiting for the flush).
    package func reserveRateSlots(_ buckets: [(key: String, interval: Int64)], now: Int64) throws(StorageError) -> Int64
    {
        guard !buckets.isEmpty else { return now }
        let sorted = buckets.sorted { $0.key < $1.key }
        let keys = sorted.map(\.key)
        let intervals = sorted.map(\.interval)
        return try read { db in
            try db.value("SELECT patchbay_reserve_rate_slots(\(keys), \(intervals), \(now))", as: Int64.self) ?? now
        }
    }
}
