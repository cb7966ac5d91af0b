package import Foundation
import GRDB

/// Sync intervals and the scheduler's one query: which integrations are due.
extension SQLiteStore {
    /// Sets (or with nil removes) an integration's sync interval; the first scheduled sync is due at `firstDue`.
    package func setSyncInterval(
        integrationID: Int64,
        seconds: Int?,
        firstDue: Date
    ) throws(StorageError) {
        try write { db in
            guard let seconds else {
                try db.execute(sql: "DELETE FROM sync_schedules WHERE integration_id = ?", arguments: [integrationID])
                return
            }
            try db.execute(
                sql: """
                    INSERT INTO sync_schedules (integration_id, interval_seconds, next_sync_at, failures)
                    VALUES (?, ?, ?, 0)
                    ON CONFLICT (integration_id) DO UPDATE SET interval_seconds = excluded.interval_seconds,
                        next_sync_at = excluded.next_sync_at, failures = 0
                    """,
                arguments: [integrationID, seconds, firstDue]
            )
        }
    }

    package func syncSchedules(integrationIDs: [Int64]) throws(StorageError) -> [Int64: SyncScheduleRecord] {
        guard !integrationIDs.isEmpty else { return [:] }
        return try read { db in
            let rows = try SyncScheduleRecord.filter(integrationIDs.contains(Column("integration_id"))).fetchAll(db)
            return Dictionary(rows.map { ($0.integrationID, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Queues a `schedule` job for every integration whose next sync is due and that has no live job. The due list
    /// is read first without the write lock, so a tick with nothing due costs one read.
    package func enqueueDueSyncs(now: Date) throws(StorageError) -> [SyncRunRecord] {
        let anyDue = try read { db in
            try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM sync_schedules WHERE next_sync_at <= ?)",
                arguments: [now]
            ) ?? false
        }
        guard anyDue else { return [] }
        return try write { db in
            let due = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.integration_id, s.next_sync_at, i.workspace_id FROM sync_schedules s
                    JOIN integrations i ON i.id = s.integration_id
                    WHERE s.next_sync_at <= ? AND NOT EXISTS (
                        SELECT 1 FROM sync_runs r WHERE r.integration_id = s.integration_id
                            AND r.status IN ('queued', 'running'))
                    ORDER BY s.next_sync_at
                    """,
                arguments: [now]
            )
            var queued: [SyncRunRecord] = []
            for row in due {
                var run = SyncRunRecord(
                    integrationID: row[0],
                    status: .queued,
                    trigger: .schedule,
                    queuedAt: now,
                    dueAt: row[1]
                )
                try run.insert(db)
                try AuditEntryRecord(
                    workspaceID: row[2],
                    userID: nil,
                    action: "integration.sync",
                    target: "integration:\(run.integrationID)",
                    detail: "run:\(run.id ?? 0) trigger:schedule",
                    at: now
                ).insert(db)
                queued.append(run)
            }
            return queued
        }
    }

    /// After a run ends: success resets the back-off, failure doubles the wait up to interval × 8. `jitter` in
    /// [0, 1) spreads integrations of equal interval over a tenth of it, so they do not all fire together.
    func reschedule(_ db: Database, integrationID: Int64, succeeded: Bool, now: Date, jitter: Double) throws {
        guard let schedule = try SyncScheduleRecord.fetchOne(db, key: ["integration_id": integrationID]) else { return }
        let failures = succeeded ? 0 : min(schedule.failures + 1, 16)
        let factor = Double(min(1 << failures, 8))
        let interval = Double(schedule.intervalSeconds)
        let next = now.addingTimeInterval(interval * factor + interval * 0.1 * min(max(jitter, 0), 1))
        try db.execute(
            sql: "UPDATE sync_schedules SET next_sync_at = ?, failures = ? WHERE integration_id = ?",
            arguments: [next, failures, integrationID]
        )
    }
}
