package import Foundation
import GRDB

/// Installation administrators and installation-wide settings.
extension SQLiteStore {
    package func isInstallationAdmin(userID: Int64) throws(StorageError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT installation_admin FROM users WHERE id = ?", arguments: [userID])
                ?? false
        }
    }

    package func installationAdmins() throws(StorageError) -> [UserRecord] {
        try read { db in
            try UserRecord.fetchAll(db, sql: "SELECT * FROM users WHERE installation_admin = 1 ORDER BY id")
        }
    }

    /// Promotes or demotes a user by name. The last administrator is never demoted: nobody could then rotate the
    /// keys or issue another user's token.
    package func setInstallationAdmin(
        userName: String,
        isAdmin: Bool,
        actorID: Int64,
        now: Date
    ) throws(StorageError) -> UserRecord {
        try write { db in
            guard let user = try UserRecord.filter(UserRecord.Columns.name == userName).fetchOne(db),
                let userID = user.id
            else {
                throw StorageError(path: path, reason: .notFound("user '\(userName)'"))
            }
            if !isAdmin {
                let others = try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM users WHERE installation_admin = 1 AND id != ?",
                    arguments: [userID]
                )
                guard others ?? 0 > 0 else {
                    throw StorageError(
                        path: path,
                        reason: .conflict(
                            "user '\(userName)': the last installation administrator; promote another user first"
                        )
                    )
                }
            }
            try db.execute(
                sql: "UPDATE users SET installation_admin = ? WHERE id = ?",
                arguments: [isAdmin, userID]
            )
            try AuditEntryRecord(
                workspaceID: nil,
                userID: actorID,
                action: isAdmin ? "admin.add" : "admin.remove",
                target: "user:\(userID)",
                at: now
            ).insert(db)
            return user
        }
    }

    package func installationSetting(named name: String) throws(StorageError) -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM installation_settings WHERE name = ?", arguments: [name])
        }
    }

    package func setInstallationSetting(
        named name: String,
        value: String,
        actorID: Int64,
        now: Date
    ) throws(StorageError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO installation_settings (name, value) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value
                    """,
                arguments: [name, value]
            )
            try AuditEntryRecord(
                workspaceID: nil,
                userID: actorID,
                action: "setting.set",
                target: "setting:\(name)",
                detail: value,
                at: now
            ).insert(db)
        }
    }
}
