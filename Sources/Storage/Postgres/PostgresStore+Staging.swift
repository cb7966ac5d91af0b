package import Foundation
import PostgresNIO

/// The two phases of a sync on PostgreSQL. Fetch: each page goes into the unlogged `sync_staging` table as one
/// multi-row insert from arrays (`unnest`), in a short transaction of its own. Apply: once the listing is complete,
/// one transaction of set-based statements (one upsert, one `removed` update) turns it into networks.
extension PostgresStore {
    /// Stages one page of a running job's listing. A network listed twice keeps its last version, which moves to
    /// the end of the listing (as SQLite's `INSERT OR REPLACE` does).
    ///
    /// One statement in autocommit, so one round trip a page: on a busy machine each round trip also costs a
    /// wake-up of the waiting thread, and BEGIN, DELETE, INSERT and COMMIT apart made a page take four. The insert
    /// reads the delete's count before its first row (a one-time filter), so the delete has finished by then, and
    /// a row it deleted no longer conflicts with the copy that replaces it.
    package func stageNetworks(runID: Int64, _ networks: [SyncedNetwork]) throws(StorageError) {
        guard !networks.isEmpty else { return }
        // Within the page, the last copy of an external id wins.
        var last: [String: Int] = [:]
        for (index, network) in networks.enumerated() { last[network.externalID] = index }
        let page = networks.enumerated().filter { last[$0.element.externalID] == $0.offset }.map(\.element)
        let externalIDs = page.map(\.externalID)
        _ = try read { db in
            try db.execute(
                """
                WITH replaced AS (
                    DELETE FROM sync_staging WHERE run_id = \(runID) AND external_id = ANY(\(externalIDs)) RETURNING 1
                )
                INSERT INTO sync_staging (run_id, external_id, name, organization_id, config, content_hash)
                SELECT \(runID), s.external_id, s.name, CASE WHEN s.has_organization THEN s.organization_id END,
                    s.config, s.content_hash
                FROM unnest(\(externalIDs), \(page.map(\.name)), \(page.map { $0.organizationID ?? "" }),
                    \(page.map { $0.organizationID != nil }), \(page.map(\.config)), \(page.map(\.contentHash)))
                    WITH ORDINALITY AS s(external_id, name, organization_id, has_organization, config, content_hash, n)
                WHERE (SELECT count(*) FROM replaced) >= 0
                ORDER BY s.n
                """
            )
        }
    }

    package func applyStaged(
        _ run: SyncRunRecord,
        lease: JobLease,
        workspaceID: Int64,
        now: Date,
        jitter: Double
    ) throws(StorageError) -> ApplyOutcome {
        let outcome: ApplyOutcome = try write { db in
            let runID = run.id ?? 0
            guard var current = try ownedRunningJob(db, runID: runID, lease: lease),
                (current.leaseExpiresAt ?? .distantPast) >= now
            else {
                try abandonExpiredJobs(db, now: now)
                return .lost(try self.run(db, id: runID))
            }
            if current.cancelRequestedAt != nil {
                current.cancelBeforeApplying(at: now)
                try save(db, current)
                try recordLastSync(db, run: current)
                return .cancelled(current)
            }
            let tally = try applyStagedNetworks(
                db,
                runID: runID,
                integrationID: run.integrationID,
                workspaceID: workspaceID,
                now: now
            )
            current.succeed(with: tally, at: now)
            try save(db, current)
            try recordLastSync(db, run: current)
            try reschedule(db, integrationID: run.integrationID, succeeded: true, now: now, jitter: jitter)
            return .applied(current)
        }
        if case .applied(let applied) = outcome, applied.created >= Self.bulkInsertRows {
            // After a bulk insert the table's statistics lag until autovacuum's next round (up to a minute): until
            // then the planner takes the workspace for nearly empty, and each page of the networks listing sorted
            // the whole workspace (13.7 ms instead of 1.4 ms per page after a 10,000-network first sync). Done after
            // the commit and not waited for: the sync is done, and statistics are only advice to the planner (a
            // failure, or a process that exits first, leaves them to autovacuum).
            Thread.detachNewThread { [self] in _ = try? read { db in try db.execute("ANALYZE networks") } }
        }
        return outcome
    }

    /// A first sync of this many networks or more refreshes the table's statistics at once.
    static let bulkInsertRows = 1000

    package func clearStaging(runID: Int64) throws(StorageError) {
        _ = try read { db in try db.execute("DELETE FROM sync_staging WHERE run_id = \(runID)") }
    }

    /// One upsert creates the new networks and rewrites only those whose digest or status changed (the `WHERE` of
    /// `DO UPDATE` skips identical rows: they are neither written nor counted), then one update marks the networks
    /// the complete listing no longer has `removed`. An integration without networks yet (its first sync) takes a
    /// plain insert instead: nothing can conflict and nothing can be removed, so the upsert's per-row conflict
    /// checks, its `RETURNING` and the `removed` pass would be spent for nothing.
    private func applyStagedNetworks(
        _ db: PGSession,
        runID: Int64,
        integrationID: Int64,
        workspaceID: Int64,
        now: Date
    ) throws -> SyncTally {
        var tally = SyncTally()
        // One round trip: the staged count, whether this is a first sync, and two settings for this transaction.
        // Sort memory for the listing-order sort of the staged rows (with the 4 MB default, 10,000 rows spill to
        // disk). No nested loops: a run's staged rows are always newer than the table's statistics, so both sides
        // of the `removed` anti-join can look like one row, and a nested loop chosen on that scanned every staged
        // row once per network (10,000 × 10,000: 16 s seen in CoreBenchmark); a hash anti-join is linear.
        let (staged, firstSync) =
            try db.one(
                """
                SELECT (SELECT count(*) FROM sync_staging WHERE run_id = \(runID)) AS staged,
                    NOT EXISTS (SELECT 1 FROM networks WHERE integration_id = \(integrationID)) AS first_sync,
                    set_config('work_mem', '64MB', true) AS work_mem, set_config('enable_nestloop', 'off', true) AS nl
                """
            ) { row in (try row("staged", as: Int.self), try row("first_sync", as: Bool.self)) } ?? (0, false)
        if firstSync {
            tally.created = try db.execute(
                """
                INSERT INTO networks (workspace_id, integration_id, external_id, name, organization_id, config,
                    content_hash, provisioning_status, created_at, updated_at, last_seen_at)
                SELECT \(workspaceID), \(integrationID), s.external_id, s.name, s.organization_id, s.config,
                    s.content_hash, 'active', \(now), \(now), \(now)
                FROM sync_staging s WHERE s.run_id = \(runID) ORDER BY s.seq
                """
            )
            tally.unchanged = staged - tally.created
            return tally
        }
        let upserted = try db.one(
            """
            WITH upserted AS (
                INSERT INTO networks AS n (workspace_id, integration_id, external_id, name, organization_id, config,
                    content_hash, provisioning_status, created_at, updated_at, last_seen_at)
                SELECT \(workspaceID), \(integrationID), s.external_id, s.name, s.organization_id, s.config,
                    s.content_hash, 'active', \(now), \(now), \(now)
                FROM sync_staging s WHERE s.run_id = \(runID) ORDER BY s.seq
                ON CONFLICT (integration_id, external_id) DO UPDATE SET name = excluded.name,
                    organization_id = excluded.organization_id, config = excluded.config,
                    content_hash = excluded.content_hash, provisioning_status = 'active',
                    updated_at = excluded.updated_at, last_seen_at = excluded.last_seen_at
                WHERE n.content_hash <> excluded.content_hash OR n.provisioning_status <> 'active'
                RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated
            FROM upserted
            """
        ) { row in (created: try row("created", as: Int.self), updated: try row("updated", as: Int.self)) }
        tally.created = upserted?.created ?? 0
        tally.updated = upserted?.updated ?? 0
        tally.unchanged = staged - tally.created - tally.updated
        // Only after a complete listing (the caller applies only then): marked, never deleted.
        tally.removed = try db.execute(
            """
            UPDATE networks SET provisioning_status = 'removed', updated_at = \(now)
            WHERE integration_id = \(integrationID) AND provisioning_status = 'active' AND NOT EXISTS (
                SELECT 1 FROM sync_staging s WHERE s.run_id = \(runID) AND s.external_id = networks.external_id)
            """
        )
        return tally
    }
}
