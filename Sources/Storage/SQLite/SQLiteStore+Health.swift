package import Foundation
import GRDB

/// What `/readyz` and `/metrics` ask of the store.
extension SQLiteStore {
    package func checkReadiness() throws(StorageError) {
        let (complete, superseded) = try read { db in
            (try SchemaStep.migrator.hasCompletedMigrations(db), try SchemaStep.migrator.hasBeenSuperseded(db))
        }
        if superseded {
            throw StorageError(
                path: path,
                reason: .failed("the database schema is newer than this Patchbay knows; run the newer Patchbay")
            )
        }
        guard complete else {
            throw StorageError(
                path: path,
                reason: .failed("the database schema is not current; restart Patchbay to migrate it")
            )
        }
    }

    package func queueSnapshot(now: Date) throws(StorageError) -> QueueSnapshot {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) FILTER (WHERE status = 'queued'), count(*) FILTER (WHERE status = 'running'),
                        min(queued_at) FILTER (WHERE status = 'queued')
                    FROM sync_runs WHERE status IN ('queued', 'running')
                    """
            )
            return QueueSnapshot(
                queued: row?[0] ?? 0,
                running: row?[1] ?? 0,
                oldestQueuedAt: row?[2]
            )
        }
    }
}
