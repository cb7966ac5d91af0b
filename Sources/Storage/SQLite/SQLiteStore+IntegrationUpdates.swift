package import Foundation
import GRDB

extension SQLiteStore {
    /// Renames an integration and/or replaces its settings (nil leaves a field as it is), with an audit entry.
    package func updateIntegration(
        id: Int64,
        name: String?,
        settings: String?,
        actorID: Int64,
        now: Date
    ) throws(StorageError) {
        guard name != nil || settings != nil else { return }
        try write { db in
            guard var integration = try IntegrationRecord.fetchOne(db, key: id) else {
                throw StorageError(path: path, reason: .notFound("integration \(id)"))
            }
            if let name, name != integration.name {
                let taken = try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM integrations WHERE workspace_id = ? AND name = ? AND id <> ?)",
                    arguments: [integration.workspaceID, name, id]
                )
                if taken == true {
                    throw StorageError(
                        path: path,
                        reason: .conflict("an integration named '\(name)' already exists in this workspace")
                    )
                }
                integration.name = name
            }
            if let settings { integration.settings = settings }
            integration.updatedAt = now
            try integration.update(db)
            try AuditEntryRecord(
                workspaceID: integration.workspaceID,
                userID: actorID,
                action: "integration.update",
                target: "integration:\(id)",
                detail: [name.map { _ in "name" }, settings.map { _ in "settings" }].compactMap { $0 }
                    .joined(separator: ","),
                at: now
            ).insert(db)
        }
    }
}
