package import Foundation
import PostgresNIO

/// Installation administrators and installation-wide settings.
extension PostgresStore {
    package func isInstallationAdmin(userID: Int64) throws(StorageError) -> Bool {
        try read { db in
            try db.value("SELECT installation_admin FROM users WHERE id = \(userID)", as: Bool.self) ?? false
        }
    }

    package func installationAdmins() throws(StorageError) -> [UserRecord] {
        try read { db in
            try db.all("SELECT \(unescaped: PGColumns.user) FROM users WHERE installation_admin ORDER BY id") { row in
                try UserRecord(pg: row)
            }
        }
    }

    /// Promotes or demotes a user by name. The last administrator is never demoted; the administrators' rows are
    /// locked first, so two demotions at once cannot each leave the other as the last.
    package func setInstallationAdmin(
        userName: String,
        isAdmin: Bool,
        actorID: Int64,
        now: Date
    ) throws(StorageError) -> UserRecord {
        try write { db in
            try db.execute("SELECT id FROM users WHERE installation_admin ORDER BY id FOR UPDATE")
            guard
                let user = try db.one(
                    "SELECT \(unescaped: PGColumns.user) FROM users WHERE name = \(userName) FOR UPDATE",
                    { row in try UserRecord(pg: row) }
                ),
                let userID = user.id
            else {
                throw StorageError(path: path, reason: .notFound("user '\(userName)'"))
            }
            if !isAdmin {
                let others = try db.value(
                    "SELECT count(*) FROM users WHERE installation_admin AND id <> \(userID)",
                    as: Int.self
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
            try db.execute("UPDATE users SET installation_admin = \(isAdmin) WHERE id = \(userID)")
            try audit(
                db,
                AuditEntryRecord(
                    workspaceID: nil,
                    userID: actorID,
                    action: isAdmin ? "admin.add" : "admin.remove",
                    target: "user:\(userID)",
                    at: now
                )
            )
            return user
        }
    }

    package func installationSetting(named name: String) throws(StorageError) -> String? {
        try read { db in
            try db.value("SELECT value FROM installation_settings WHERE name = \(name)", as: String.self)
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
                """
                INSERT INTO installation_settings (name, value) VALUES (\(name), \(value))
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """
            )
            try audit(
                db,
                AuditEntryRecord(
                    workspaceID: nil,
                    userID: actorID,
                    action: "setting.set",
                    target: "setting:\(name)",
                    detail: value,
                    at: now
                )
            )
        }
    }
}
