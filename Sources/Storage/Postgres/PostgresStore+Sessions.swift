package import Foundation
import PostgresNIO

/// Console sessions and a workspace's members (issue 14).
extension PostgresStore {
    package func insertSession(_ session: SessionRecord) throws(StorageError) -> SessionRecord {
        try write { db in
            var session = session
            let id = try requireID(
                try db.value(
                    """
                    INSERT INTO sessions (user_id, token_id, session_hash, user_agent, created_at, last_used_at,
                        expires_at, revoked_at)
                    VALUES (\(session.userID), \(session.tokenID), \(session.sessionHash), \(session.userAgent),
                        \(session.createdAt), \(session.lastUsedAt), \(session.expiresAt), \(session.revokedAt))
                    RETURNING id
                    """,
                    as: Int64.self
                )
            )
            session.id = id
            try audit(
                db,
                AuditEntryRecord(
                    workspaceID: nil,
                    userID: session.userID,
                    action: "session.create",
                    target: "session:\(id)",
                    at: session.createdAt
                )
            )
            return session
        }
    }

    package func sessions(ofUser userID: Int64) throws(StorageError) -> [SessionRecord] {
        try read { db in
            try db.all(
                "SELECT \(unescaped: PGColumns.session) FROM sessions WHERE user_id = \(userID) ORDER BY id DESC"
            ) { row in try SessionRecord(pg: row) }
        }
    }

    package func session(id: Int64) throws(StorageError) -> SessionRecord? {
        try read { db in
            try db.one("SELECT \(unescaped: PGColumns.session) FROM sessions WHERE id = \(id)") { row in
                try SessionRecord(pg: row)
            }
        }
    }

    package func revokeSession(id: Int64, actorID: Int64, now: Date) throws(StorageError) {
        try write { db in
            try db.execute("UPDATE sessions SET revoked_at = \(now) WHERE id = \(id) AND revoked_at IS NULL")
            try audit(
                db,
                AuditEntryRecord(
                    workspaceID: nil,
                    userID: actorID,
                    action: "session.revoke",
                    target: "session:\(id)",
                    at: now
                )
            )
        }
    }

    package func members(ofWorkspace workspaceID: Int64) throws(StorageError) -> [WorkspaceMember] {
        try read { db in
            try db.all(
                """
                SELECT u.id, u.name, u.created_at, m.role FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.workspace_id = \(workspaceID) ORDER BY m.user_id
                """
            ) { row in WorkspaceMember(user: try UserRecord(pg: row), role: try row.text("role")) }
        }
    }
}
