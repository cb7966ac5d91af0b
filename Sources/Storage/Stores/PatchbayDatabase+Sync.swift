package import Foundation
import GRDB

/// One upstream network as a sync hands it to storage.
package struct SyncedNetwork: Sendable, Equatable {
    package var externalID: String
    package var name: String
    package var organizationID: String?
    package var config: String
    /// Digest of everything stored for the network; equal digests mean nothing to write.
    package var contentHash: String

    package init(externalID: String, name: String, organizationID: String?, config: String, contentHash: String) {
        self.externalID = externalID
        self.name = name
        self.organizationID = organizationID
        self.config = config
        self.contentHash = contentHash
    }
}

/// Where a sync's pages come from. `nextPage` blocks until a page arrives, returns nil once the provider reported the
/// listing complete, and throws when the listing failed (the transaction then rolls back).
package protocol NetworkPageSource {
    func nextPage() throws -> [SyncedNetwork]?
}

/// What one sync changed.
package struct SyncTally: Sendable, Equatable {
    package var created = 0
    package var updated = 0
    package var unchanged = 0
    package var removed = 0

    package init(created: Int = 0, updated: Int = 0, unchanged: Int = 0, removed: Int = 0) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
        self.removed = removed
    }
}

/// Sync runs and the sync transaction itself.
extension PatchbayDatabase {
    /// Opens a run row (and its audit entry) before the sync transaction starts, so history shows it running.
    package func startSyncRun(
        integrationID: Int64,
        workspaceID: Int64,
        actorID: Int64,
        now: Date
    ) throws(StorageError) -> SyncRunRecord {
        try write { db in
            var run = SyncRunRecord(integrationID: integrationID, status: "running", startedAt: now)
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
        do {
            return try writer.write { db in
                var tally = SyncTally()
                var known = try existingNetworks(db, integrationID: run.integrationID)
                var seen = Set<String>()
                let now = clock()
                while let page = try pages.nextPage() {
                    for network in page {
                        try upsert(
                            network,
                            db: db,
                            known: &known,
                            tally: &tally,
                            workspaceID: workspaceID,
                            run: run,
                            now: now
                        )
                        seen.insert(network.externalID)
                    }
                    progress(tally)
                }
                tally.removed = try markRemoved(db, known: known, seen: seen, now: now)
                var finished = run
                finished.status = "succeeded"
                finished.finishedAt = clock()
                finished.created = tally.created
                finished.updated = tally.updated
                finished.unchanged = tally.unchanged
                finished.removed = tally.removed
                finished.durationMS = Int((finished.finishedAt ?? now).timeIntervalSince(run.startedAt) * 1000)
                try finished.update(db)
                try db.execute(
                    sql: """
                        UPDATE integrations SET last_sync_at = ?, last_sync_status = 'succeeded', last_sync_error = NULL
                        WHERE id = ?
                        """,
                    arguments: [finished.finishedAt, run.integrationID]
                )
                return finished
            }
        } catch let error as DatabaseError {
            throw StorageError(
                path: path,
                reason: .failed("sync of integration \(run.integrationID): \(error.message ?? "\(error)")")
            )
        }
    }

    /// Records a failed run (after the sync transaction rolled back) on the run row and the integration.
    package func failSyncRun(_ run: SyncRunRecord, error: String, now: Date) throws(StorageError) -> SyncRunRecord {
        try write { db in
            var failed = run
            failed.status = "failed"
            failed.finishedAt = now
            failed.durationMS = Int(now.timeIntervalSince(run.startedAt) * 1000)
            failed.error = error
            try failed.update(db)
            try db.execute(
                sql:
                    "UPDATE integrations SET last_sync_at = ?, last_sync_status = 'failed', last_sync_error = ? WHERE id = ?",
                arguments: [now, error, run.integrationID]
            )
            return failed
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
}

/// What a sync needs to know of a stored network to decide whether to write it.
private struct KnownNetwork {
    var id: Int64
    var contentHash: String
    var status: String
}

private func existingNetworks(_ db: Database, integrationID: Int64) throws -> [String: KnownNetwork] {
    var known: [String: KnownNetwork] = [:]
    let rows = try Row.fetchCursor(
        db,
        sql: "SELECT id, external_id, content_hash, provisioning_status FROM networks WHERE integration_id = ?",
        arguments: [integrationID]
    )
    while let row = try rows.next() {
        known[row[1]] = KnownNetwork(id: row[0], contentHash: row[2], status: row[3])
    }
    return known
}

private func upsert(
    _ network: SyncedNetwork,
    db: Database,
    known: inout [String: KnownNetwork],
    tally: inout SyncTally,
    workspaceID: Int64,
    run: SyncRunRecord,
    now: Date
) throws {
    if let existing = known[network.externalID] {
        if existing.contentHash == network.contentHash && existing.status == "active" {
            tally.unchanged += 1
            return
        }
        let statement = try db.cachedStatement(
            sql: """
                UPDATE networks SET name = ?, organization_id = ?, config = ?, content_hash = ?,
                provisioning_status = 'active', updated_at = ?, last_seen_at = ? WHERE id = ?
                """
        )
        try statement.execute(arguments: [
            network.name, network.organizationID, network.config, network.contentHash, now, now, existing.id,
        ])
        known[network.externalID] = KnownNetwork(id: existing.id, contentHash: network.contentHash, status: "active")
        tally.updated += 1
        return
    }
    let statement = try db.cachedStatement(
        sql: """
            INSERT INTO networks (workspace_id, integration_id, external_id, name, organization_id, config, content_hash,
            provisioning_status, created_at, updated_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)
            """
    )
    try statement.execute(arguments: [
        workspaceID, run.integrationID, network.externalID, network.name, network.organizationID, network.config,
        network.contentHash, now, now, now,
    ])
    known[network.externalID] = KnownNetwork(
        id: db.lastInsertedRowID,
        contentHash: network.contentHash,
        status: "active"
    )
    tally.created += 1
}

/// Marks networks the complete listing no longer returned as `removed`; they are kept, never deleted.
private func markRemoved(_ db: Database, known: [String: KnownNetwork], seen: Set<String>, now: Date) throws -> Int {
    let statement = try db.cachedStatement(
        sql: "UPDATE networks SET provisioning_status = 'removed', updated_at = ? WHERE id = ?"
    )
    var removed = 0
    for (externalID, network) in known where network.status == "active" && !seen.contains(externalID) {
        try statement.execute(arguments: [now, network.id])
        removed += 1
    }
    return removed
}
