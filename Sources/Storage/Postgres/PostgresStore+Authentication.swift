package import Foundation
import PostgresNIO

/// The reads every API request makes before its own, one query each: who the caller is (the token's or session's
/// validity checked in SQL, joined to its user), and their role in the workspace the request names.
extension PostgresStore {
    package func tokenUser(hash: String, now: Date) throws(StorageError) -> UserRecord? {
        try read { db in
            let found = try db.one(
                """
                SELECT t.id AS token_id, t.last_used_at, u.id, u.name, u.created_at
                FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = \(hash) AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > \(now))
                """
            ) { row in
                (
                    tokenID: try row("token_id", as: Int64.self), lastUsedAt: try row("last_used_at", as: Date?.self),
                    user: try UserRecord(pg: row)
                )
            }
            guard let found else { return nil }
            if found.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
                _ = try? db.execute("UPDATE api_tokens SET last_used_at = \(now) WHERE id = \(found.tokenID)")
            }
            return found.user
        }
    }

    /// The session must be live, and so must the token it was exchanged for: a session never outlives its token.
    package func useSession(hash: String, now: Date) throws(StorageError) -> SessionUse? {
        try read { db in
            let found = try db.one(
                """
                SELECT s.id, s.user_id, s.token_id, s.session_hash, s.user_agent, s.created_at, s.last_used_at,
                    s.expires_at, s.revoked_at, u.name AS user_name, u.created_at AS user_created_at
                FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN api_tokens t ON t.id = s.token_id
                WHERE s.session_hash = \(hash) AND s.revoked_at IS NULL AND s.expires_at > \(now)
                    AND (s.token_id IS NULL OR (t.id IS NOT NULL AND t.revoked_at IS NULL
                        AND (t.expires_at IS NULL OR t.expires_at > \(now))))
                """
            ) { row in
                let session = try SessionRecord(pg: row)
                let user = UserRecord(
                    id: session.userID,
                    name: try row("user_name"),
                    createdAt: try row("user_created_at")
                )
                return SessionUse(session: session, user: user)
            }
            guard let found else { return nil }
            if let id = found.session.id, found.session.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
                _ = try? db.execute("UPDATE sessions SET last_used_at = \(now) WHERE id = \(id)")
            }
            return found
        }
    }

    package func membership(
        ofUser userID: Int64,
        in workspace: WorkspaceReference
    ) throws(StorageError) -> WorkspaceMembership? {
        let query: PostgresQuery
        switch workspace {
        case .id(let id):
            query = """
                SELECT w.id, w.name, w.created_at, m.role
                FROM workspaces w JOIN memberships m ON m.workspace_id = w.id AND m.user_id = \(userID)
                WHERE w.id = \(id)
                """
        case .name(let name):
            query = """
                SELECT w.id, w.name, w.created_at, m.role
                FROM workspaces w JOIN memberships m ON m.workspace_id = w.id AND m.user_id = \(userID)
                WHERE w.name = \(name)
                """
        }
        return try read { db in
            try db.one(query) { row in
                WorkspaceMembership(workspace: try WorkspaceRecord(pg: row), role: try row.text("role"))
            }
        }
    }
}
