package import Foundation
import PostgresNIO

/// Integrations, their encrypted credentials and their cached counts.
extension PostgresStore {
    /// Inserts an integration and seals its credentials in the same transaction: the envelope's additional data
    /// names the new row's id, which exists only once the row does. A sealing failure leaves no row behind.
    package func insertIntegration(
        _ integration: IntegrationRecord,
        seal: (_ integrationID: Int64) throws -> (ciphertext: Data, keyID: String)
    ) throws -> IntegrationRecord {
        try writeRethrowing { db in
            var integration = integration
            let inserted = try db.value(
                """
                INSERT INTO integrations (workspace_id, provider, name, settings, credentials_ciphertext, key_id,
                    created_by, created_at, updated_at, last_sync_at, last_sync_status, last_sync_error)
                VALUES (\(integration.workspaceID), \(integration.provider), \(integration.name),
                    \(integration.settings), \(integration.credentialsCiphertext), \(integration.keyID),
                    \(integration.createdBy), \(integration.createdAt), \(integration.updatedAt),
                    \(integration.lastSyncAt), \(integration.lastSyncStatus?.rawValue), \(integration.lastSyncError))
                ON CONFLICT (workspace_id, name) DO NOTHING
                RETURNING id
                """,
                as: Int64.self
            )
            guard let integrationID = inserted else {
                throw StorageError(
                    path: path,
                    reason: .conflict("an integration named '\(integration.name)' already exists in this workspace")
                )
            }
            integration.id = integrationID
            let sealed = try seal(integrationID)
            integration.credentialsCiphertext = sealed.ciphertext
            integration.keyID = sealed.keyID
            try db.execute(
                """
                UPDATE integrations SET credentials_ciphertext = \(sealed.ciphertext), key_id = \(sealed.keyID)
                WHERE id = \(integrationID)
                """
            )
            try audit(
                db,
                AuditEntryRecord(
                    workspaceID: integration.workspaceID,
                    userID: integration.createdBy,
                    action: "integration.create",
                    target: "integration:\(integrationID)",
                    detail: integration.provider,
                    at: integration.createdAt
                )
            )
            return integration
        }
    }

    package func integrations(inWorkspace workspaceID: Int64) throws(StorageError) -> [IntegrationRecord] {
        try read { db in
            try db.all(
                "SELECT \(unescaped: PGColumns.integration) FROM integrations WHERE workspace_id = \(workspaceID) ORDER BY id"
            ) { row in try IntegrationRecord(pg: row) }
        }
    }

    package func integration(id: Int64) throws(StorageError) -> IntegrationRecord? {
        try read { db in
            try db.one("SELECT \(unescaped: PGColumns.integration) FROM integrations WHERE id = \(id)") { row in
                try IntegrationRecord(pg: row)
            }
        }
    }

    /// Deletes an integration with its networks, runs, staged pages, schedule and counts in one transaction.
    package func deleteIntegration(id: Int64, actorID: Int64, now: Date) throws(StorageError) {
        try write { db in
            guard
                let integration = try db.one(
                    "SELECT \(unescaped: PGColumns.integration) FROM integrations WHERE id = \(id) FOR UPDATE",
                    { row in try IntegrationRecord(pg: row) }
                )
            else {
                throw StorageError(path: path, reason: .notFound("integration \(id)"))
            }
            try db.execute("DELETE FROM networks WHERE integration_id = \(id)")
            try db.execute(
                "DELETE FROM sync_staging WHERE run_id IN (SELECT id FROM sync_runs WHERE integration_id = \(id))"
            )
            try db.execute("DELETE FROM sync_runs WHERE integration_id = \(id)")
            try db.execute("DELETE FROM integration_counts WHERE integration_id = \(id)")
            try db.execute("DELETE FROM integrations WHERE id = \(id)")
            try audit(
                db,
                AuditEntryRecord(
                    workspaceID: integration.workspaceID,
                    userID: actorID,
                    action: "integration.delete",
                    target: "integration:\(id)",
                    detail: integration.provider,
                    at: now
                )
            )
        }
    }

    /// Re-seals every integration's credentials in one transaction: all are rewritten, or none is. The rows are
    /// locked for the transaction, so an instance creating or re-sealing meanwhile waits.
    package func rewriteAllCredentials(
        _ transform: (IntegrationRecord) throws -> (ciphertext: Data, keyID: String)
    ) throws -> Int {
        try writeRethrowing { db in
            let all = try db.all("SELECT \(unescaped: PGColumns.integration) FROM integrations ORDER BY id FOR UPDATE")
            {
                row in try IntegrationRecord(pg: row)
            }
            for integration in all {
                let sealed = try transform(integration)
                try db.execute(
                    """
                    UPDATE integrations SET credentials_ciphertext = \(sealed.ciphertext), key_id = \(sealed.keyID)
                    WHERE id = \(integration.id)
                    """
                )
            }
            return all.count
        }
    }

    package func keyIDsInUse() throws(StorageError) -> Set<String> {
        try read { db in
            Set(try db.all("SELECT DISTINCT key_id FROM integrations") { row in try row("key_id", as: String.self) })
        }
    }

    package func cachedCounts(integrationIDs: [Int64]) throws(StorageError) -> [Int64: CountsRecord] {
        guard !integrationIDs.isEmpty else { return [:] }
        return try read { db in
            let records = try db.all(
                """
                SELECT integration_id, networks, access_points, fetched_at FROM integration_counts
                WHERE integration_id = ANY(\(integrationIDs))
                """
            ) { row in
                CountsRecord(
                    integrationID: try row("integration_id"),
                    networks: try row("networks"),
                    accessPoints: try row("access_points"),
                    fetchedAt: try row("fetched_at")
                )
            }
            return Dictionary(records.map { ($0.integrationID, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Caches counts; a failed cache write costs only a refetch, so its error is dropped. One upsert, which waits
    /// for nobody but a writer of the same integration's counts.
    package func saveCounts(_ counts: [CountsRecord]) {
        guard !counts.isEmpty else { return }
        _ = try? read { db in
            try db.execute(
                """
                INSERT INTO integration_counts (integration_id, networks, access_points, fetched_at)
                SELECT * FROM unnest(\(counts.map(\.integrationID)), \(counts.map(\.networks)),
                    \(counts.map(\.accessPoints)), \(counts.map(\.fetchedAt)))
                ON CONFLICT (integration_id) DO UPDATE SET networks = excluded.networks,
                    access_points = excluded.access_points, fetched_at = excluded.fetched_at
                """
            )
        }
    }

    /// Nothing to wait for: this store writes token touches and counts before returning.
    package func flushBackgroundWrites() async {}

    package func auditEntries(workspaceID: Int64) throws(StorageError) -> [AuditEntryRecord] {
        try read { db in
            try db.all(
                "SELECT \(unescaped: PGColumns.audit) FROM audit_log WHERE workspace_id = \(workspaceID) ORDER BY id"
            ) { row in try AuditEntryRecord(pg: row) }
        }
    }

    package func updateIntegration(
        id: Int64,
        name: String?,
        settings: String?,
        actorID: Int64,
        now: Date
    ) throws(StorageError) {
        guard name != nil || settings != nil else { return }
        try write { db in
            guard
                let integration = try db.one(
                    "SELECT \(unescaped: PGColumns.integration) FROM integrations WHERE id = \(id) FOR UPDATE",
                    { row in try IntegrationRecord(pg: row) }
                )
            else {
                throw StorageError(path: path, reason: .notFound("integration \(id)"))
            }
            if let name, name != integration.name {
                let taken = try db.value(
                    """
                    SELECT EXISTS (SELECT 1 FROM integrations WHERE workspace_id = \(integration.workspaceID)
                        AND name = \(name) AND id <> \(id))
                    """,
                    as: Bool.self
                )
                if taken == true {
                    throw StorageError(
                        path: path,
                        reason: .conflict("an integration named '\(name)' already exists in this workspace")
                    )
                }
            }
            try db.execute(
                """
                UPDATE integrations SET name = \(name ?? integration.name),
                    settings = \(settings ?? integration.settings), updated_at = \(now)
                WHERE id = \(id)
                """
            )
            try audit(
                db,
                AuditEntryRecord(
                    workspaceID: integration.workspaceID,
                    userID: actorID,
                    action: "integration.update",
                    target: "integration:\(id)",
                    detail: [name.map { _ in "name" }, settings.map { _ in "settings" }].compactMap { $0 }
                        .joined(separator: ","),
                    at: now
                )
            )
        }
    }

    /// A store that answers and whose schema is current is sound as far as PostgreSQL lets a client tell (the server
    /// checks its own pages); anything else is reported as the problem.
    package func integrityCheck() throws(StorageError) -> [String] {
        try checkSchema()
        return try read { db in
            try db.value("SELECT 'ok'::text", as: String.self).map { [$0] } ?? ["the database did not answer"]
        }
    }
}
