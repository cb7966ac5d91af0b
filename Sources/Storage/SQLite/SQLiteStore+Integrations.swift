package import Foundation
import GRDB

/// Integrations, their encrypted credentials and their cached counts.
extension SQLiteStore {
    /// Inserts an integration and seals its credentials in the same transaction: the envelope's additional data
    /// names the new row's id, which exists only once the row does. A sealing failure leaves no row behind.
    package func insertIntegration(
        _ integration: IntegrationRecord,
        seal: (_ integrationID: Int64) throws -> (ciphertext: Data, keyID: String)
    ) throws -> IntegrationRecord {
        try writeRethrowing { db in
            let taken = try
                !IntegrationRecord
                .filter(
                    IntegrationRecord.Columns.workspaceID == integration.workspaceID
                        && IntegrationRecord.Columns.name == integration.name
                )
                .isEmpty(db)
            if taken {
                throw StorageError(
                    path: path,
                    reason: .conflict("an integration named '\(integration.name)' already exists in this workspace")
                )
            }
            var integration = integration
            try integration.insert(db)
            let integrationID = try requireID(integration.id)
            let sealed = try seal(integrationID)
            integration.credentialsCiphertext = sealed.ciphertext
            integration.keyID = sealed.keyID
            try integration.update(
                db,
                columns: [IntegrationRecord.Columns.credentialsCiphertext, IntegrationRecord.Columns.keyID]
            )
            try AuditEntryRecord(
                workspaceID: integration.workspaceID,
                userID: integration.createdBy,
                action: "integration.create",
                target: "integration:\(integrationID)",
                detail: integration.provider,
                at: integration.createdAt
            ).insert(db)
            return integration
        }
    }

    package func integrations(inWorkspace workspaceID: Int64) throws(StorageError) -> [IntegrationRecord] {
        try read { db in
            try IntegrationRecord.filter(IntegrationRecord.Columns.workspaceID == workspaceID)
                .order(IntegrationRecord.Columns.id).fetchAll(db)
        }
    }

    package func integration(id: Int64) throws(StorageError) -> IntegrationRecord? {
        try read { db in try IntegrationRecord.fetchOne(db, key: id) }
    }

    /// Deletes an integration with its networks, sync history and counts in one transaction, then checkpoints the
    /// WAL so the deleted envelope survives neither in the main file (secure_delete) nor in the log.
    package func deleteIntegration(id: Int64, actorID: Int64, now: Date) throws(StorageError) {
        try write { db in
            guard let integration = try IntegrationRecord.fetchOne(db, key: id) else {
                throw StorageError(path: path, reason: .notFound("integration \(id)"))
            }
            // Explicit, not left to ON DELETE CASCADE alone: the deletion must not depend on a connection having
            // foreign keys on.
            try integration.request(for: IntegrationRecord.networks).deleteAll(db)
            try integration.request(for: IntegrationRecord.syncRuns).deleteAll(db)
            try integration.request(for: IntegrationRecord.counts).deleteAll(db)
            try integration.delete(db)
            try AuditEntryRecord(
                workspaceID: integration.workspaceID,
                userID: actorID,
                action: "integration.delete",
                target: "integration:\(id)",
                detail: integration.provider,
                at: now
            ).insert(db)
        }
        checkpoint()
    }

    /// Moves every WAL frame into the main file and truncates the log; best effort while readers hold snapshots.
    package func checkpoint() {
        _ = try? writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// Re-seals every integration's credentials in one transaction: all are rewritten, or none is. Errors thrown by
    /// `transform` are rethrown as they are.
    package func rewriteAllCredentials(
        _ transform: (IntegrationRecord) throws -> (ciphertext: Data, keyID: String)
    ) throws -> Int {
        let count = try writeRethrowing { db in
            let all = try IntegrationRecord.fetchAll(db)
            for var integration in all {
                let sealed = try transform(integration)
                integration.credentialsCiphertext = sealed.ciphertext
                integration.keyID = sealed.keyID
                try integration.update(
                    db,
                    columns: [IntegrationRecord.Columns.credentialsCiphertext, IntegrationRecord.Columns.keyID]
                )
            }
            return all.count
        }
        checkpoint()
        return count
    }

    /// Key ids that at least one stored envelope still needs.
    package func keyIDsInUse() throws(StorageError) -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, IntegrationRecord.select(IntegrationRecord.Columns.keyID).distinct()))
        }
    }

    package func cachedCounts(integrationIDs: [Int64]) throws(StorageError) -> [Int64: CountsRecord] {
        try read { db in
            let records = try CountsRecord.filter(keys: integrationIDs).fetchAll(db)
            return Dictionary(uniqueKeysWithValues: records.map { ($0.integrationID, $0) })
        }
    }

    /// Caches counts in the background: a listing never waits behind a long sync's write lock for its cache.
    package func saveCounts(_ counts: [CountsRecord]) {
        guard !counts.isEmpty else { return }
        writer.asyncWriteWithoutTransaction { db in
            try? db.inTransaction {
                for record in counts { try record.upsert(db) }
                return .commit
            }
        }
    }

    /// Returns once every background write queued so far (token touches, counts) has run: the writer is serial.
    package func flushBackgroundWrites() async {
        _ = try? await writer.write { _ in }
    }

    package func auditEntries(workspaceID: Int64) throws(StorageError) -> [AuditEntryRecord] {
        try read { db in
            try AuditEntryRecord.filter(AuditEntryRecord.Columns.workspaceID == workspaceID)
                .order(AuditEntryRecord.Columns.id).fetchAll(db)
        }
    }
}
