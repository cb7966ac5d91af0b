package import Foundation
import GRDB

/// The two phases of a sync. Fetch: pages are staged while the provider is paged, so a slow provider, a backoff or a
/// Retry-After wait holds no lock. Apply: once the listing is complete, one short set-based transaction turns the
/// staged listing into created/updated/unchanged/removed networks.
extension SQLiteStore {
    /// A run's staging table. It lives in the writer connection's temporary schema, not in the database file: only
    /// the process holding a job's lease ever reads its staged pages, so they need no WAL, no checkpoint and no
    /// secure deletion, and a crash (whose jobs end `abandoned`) takes them with it. One table per run, so clearing
    /// a run is a DROP (its pages freed at once) rather than a row-by-row DELETE.
    static func stagingTable(_ runID: Int64) -> String { "temp.sync_staging_\(runID)" }

    static func createStaging(_ db: Database, runID: Int64) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS \(stagingTable(runID)) (
                    seq INTEGER PRIMARY KEY, -- the provider's order: new networks get ids in listing order
                    external_id TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    organization_id TEXT,
                    config TEXT NOT NULL,
                    content_hash TEXT NOT NULL
                )
                """
        )
    }

    /// Stages one page of a running job's listing. A network listed twice keeps its last version. The transaction
    /// is deferred and touches only the temporary schema, so staging never takes the database file's write lock.
    package func stageNetworks(runID: Int64, _ networks: [SyncedNetwork]) throws(StorageError) {
        guard !networks.isEmpty else { return }
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.deferred) {
                    try Self.createStaging(db, runID: runID)
                    let statement = try db.cachedStatement(
                        sql: """
                            INSERT OR REPLACE INTO \(Self.stagingTable(runID))
                                (external_id, name, organization_id, config, content_hash)
                            VALUES (?, ?, ?, ?, ?)
                            """
                    )
                    for network in networks {
                        try statement.execute(arguments: [
                            network.externalID, network.name, network.organizationID, network.config,
                            network.contentHash,
                        ])
                    }
                    return .commit
                }
            }
        } catch {
            throw storageError(error)
        }
    }

    /// Applies a complete staged listing in ONE write transaction, if `lease` still holds the job and nobody asked
    /// to cancel it: new networks are created, changed ones updated, identical ones left alone, networks the listing
    /// no longer has are marked `removed`; the run row, the integration's last sync and its schedule are written in
    /// the same transaction. Otherwise nothing changes.
    package func applyStaged(
        _ run: SyncRunRecord,
        lease: JobLease,
        workspaceID: Int64,
        now: Date,
        jitter: Double
    ) throws(StorageError) -> ApplyOutcome {
        try write { db in
            let runID = run.id ?? 0
            guard var current = try ownedRunningJob(db, runID: runID, lease: lease),
                (current.leaseExpiresAt ?? .distantPast) >= now
            else {
                try abandonExpiredJobs(db, now: now)
                return .lost(try SyncRunRecord.fetchOne(db, key: runID))
            }
            if current.cancelRequestedAt != nil {
                current.cancelBeforeApplying(at: now)
                try current.update(db)
                try recordLastSync(db, run: current)
                return .cancelled(current)
            }
            try Self.createStaging(db, runID: runID)
            let tally = try applyStagedNetworks(
                db,
                runID: runID,
                integrationID: run.integrationID,
                workspaceID: workspaceID,
                now: now
            )
            current.succeed(with: tally, at: now)
            try current.update(db)
            try recordLastSync(db, run: current)
            try reschedule(db, integrationID: run.integrationID, succeeded: true, now: now, jitter: jitter)
            return .applied(current)
        }
    }

    /// Drops a finished job's staged pages (after its apply committed, or when it failed), outside the apply.
    package func clearStaging(runID: Int64) throws(StorageError) {
        do {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "DROP TABLE IF EXISTS \(Self.stagingTable(runID))")
            }
        } catch {
            throw storageError(error)
        }
    }
}

/// The set-based core of the apply: one statement per kind of change, each counted by the rows it changed. Rows
/// whose digest and status did not change are never written.
private func applyStagedNetworks(
    _ db: Database,
    runID: Int64,
    integrationID: Int64,
    workspaceID: Int64,
    now: Date
) throws -> SyncTally {
    let staging = SQLiteStore.stagingTable(runID)
    var tally = SyncTally()
    try db.execute(
        sql: """
            UPDATE networks SET name = s.name, organization_id = s.organization_id, config = s.config,
                content_hash = s.content_hash, provisioning_status = 'active', updated_at = ?, last_seen_at = ?
            FROM \(staging) s
            WHERE networks.integration_id = ? AND networks.external_id = s.external_id
                AND (networks.content_hash <> s.content_hash OR networks.provisioning_status <> 'active')
            """,
        arguments: [now, now, integrationID]
    )
    tally.updated = db.changesCount
    try db.execute(
        sql: """
            INSERT INTO networks (workspace_id, integration_id, external_id, name, organization_id, config,
                content_hash, provisioning_status, created_at, updated_at, last_seen_at)
            SELECT ?, ?, s.external_id, s.name, s.organization_id, s.config, s.content_hash, 'active', ?, ?, ?
            FROM \(staging) s
            WHERE NOT EXISTS (SELECT 1 FROM networks n WHERE n.integration_id = ? AND n.external_id = s.external_id)
            ORDER BY s.seq
            """,
        arguments: [workspaceID, integrationID, now, now, now, integrationID]
    )
    tally.created = db.changesCount
    let staged = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(staging)") ?? 0
    tally.unchanged = staged - tally.created - tally.updated
    // Only after a complete listing (the caller applies only then): networks it no longer has are marked, not deleted.
    try db.execute(
        sql: """
            UPDATE networks SET provisioning_status = 'removed', updated_at = ?
            WHERE integration_id = ? AND provisioning_status = 'active' AND NOT EXISTS (
                SELECT 1 FROM \(staging) s WHERE s.external_id = networks.external_id)
            """,
        arguments: [now, integrationID]
    )
    tally.removed = db.changesCount
    return tally
}
