package import Foundation
import GRDB

/// The reads every API request makes before its own: who the caller is, and their role in the workspace it names.
/// Each is one SELECT through a cached prepared statement, read without a transaction (one statement is its own
/// snapshot), its columns read by position: they run on every request, so parsing SQL, BEGIN/COMMIT and column
/// lookups by name would cost more than the query.
extension SQLiteStore {
    package func tokenUser(hash: String, now: Date) throws(StorageError) -> UserRecord? {
        let found = try readOne { db -> (tokenID: Int64, lastUsedAt: Date?, user: UserRecord)? in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT t.id, t.last_used_at, u.id, u.name, u.created_at
                    FROM api_tokens t JOIN users u ON u.id = t.user_id
                    WHERE t.token_hash = ? AND t.revoked_at IS NULL
                        AND (t.expires_at IS NULL OR julianday(t.expires_at) > julianday(?))
                    """
            )
            guard let row = try Row.fetchOne(statement, arguments: [hash, StoredDate.text(now)]) else { return nil }
            return (row[0], row[1], UserRecord(id: row[2], name: row[3], createdAt: row[4]))
        }
        guard let found else { return nil }
        if found.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            let id = found.tokenID
            writer.asyncWriteWithoutTransaction { db in
                _ = try? APITokenRecord.filter(key: id).updateAll(db, APITokenRecord.Columns.lastUsedAt.set(to: now))
            }
        }
        return found.user
    }

    /// The session must be live, and so must the token it was exchanged for: a session never outlives its token.
    package func useSession(hash: String, now: Date) throws(StorageError) -> SessionUse? {
        let found = try readOne { db -> SessionUse? in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT s.id, s.user_id, s.token_id, s.session_hash, s.user_agent, s.created_at, s.last_used_at,
                        s.expires_at, s.revoked_at, u.name, u.created_at
                    FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN api_tokens t ON t.id = s.token_id
                    WHERE s.session_hash = ? AND s.revoked_at IS NULL AND julianday(s.expires_at) > julianday(?)
                        AND (s.token_id IS NULL OR (t.id IS NOT NULL AND t.revoked_at IS NULL
                            AND (t.expires_at IS NULL OR julianday(t.expires_at) > julianday(?))))
                    """
            )
            guard let row = try Row.fetchOne(statement, arguments: [hash, StoredDate.text(now), StoredDate.text(now)])
            else { return nil }
            let session = SessionRecord(
                id: row[0],
                userID: row[1],
                tokenID: row[2],
                sessionHash: row[3],
                userAgent: row[4],
                createdAt: row[5],
                lastUsedAt: row[6],
                expiresAt: row[7],
                revokedAt: row[8]
            )
            return SessionUse(session: session, user: UserRecord(id: session.userID, name: row[9], createdAt: row[10]))
        }
        guard let found else { return nil }
        if let id = found.session.id, found.session.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            writer.asyncWriteWithoutTransaction { db in
                _ = try? SessionRecord.filter(key: id).updateAll(db, SessionRecord.Columns.lastUsedAt.set(to: now))
            }
        }
        return found
    }

    package func membership(
        ofUser userID: Int64,
        in workspace: WorkspaceReference
    ) throws(StorageError) -> WorkspaceMembership? {
        try readOne { db in
            let statement: Statement
            let key: any DatabaseValueConvertible
            switch workspace {
            case .id(let id):
                statement = try db.cachedStatement(sql: Self.membershipByID)
                key = id
            case .name(let name):
                statement = try db.cachedStatement(sql: Self.membershipByName)
                key = name
            }
            guard let row = try Row.fetchOne(statement, arguments: [userID, key]) else { return nil }
            return WorkspaceMembership(
                workspace: WorkspaceRecord(id: row[0], name: row[1], createdAt: row[2]),
                role: row[3]
            )
        }
    }

    private static let membershipByID = """
        SELECT w.id, w.name, w.created_at, m.role
        FROM workspaces w JOIN memberships m ON m.workspace_id = w.id AND m.user_id = ?
        WHERE w.id = ?
        """
    private static let membershipByName = """
        SELECT w.id, w.name, w.created_at, m.role
        FROM workspaces w JOIN memberships m ON m.workspace_id = w.id AND m.user_id = ?
        WHERE w.name = ?
        """
}
