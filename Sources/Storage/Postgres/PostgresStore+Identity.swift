package import Foundation
import PostgresNIO

/// Workspaces, users, memberships and API tokens.
extension PostgresStore {
    package func userCount() throws(StorageError) -> Int {
        try read { db in try db.value("SELECT count(*) FROM users", as: Int.self) ?? 0 }
    }

    package func bootstrap(
        ownerName: String,
        workspaceName: String,
        tokenName: String,
        tokenHash: String,
        now: Date
    ) throws(StorageError) -> (WorkspaceRecord, UserRecord) {
        try write { db in
            // Two first runs at once: the second waits here, then finds the first one's user.
            try db.execute("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE")
            guard try db.value("SELECT count(*) FROM users", as: Int.self) == 0 else {
                throw StorageError(
                    path: path,
                    reason: .conflict("already initialized; use a token of an existing user")
                )
            }
            let userID = try requireID(
                try db.value(
                    """
                    INSERT INTO users (name, created_at, installation_admin) VALUES (\(ownerName), \(now), true)
                    RETURNING id
                    """,
                    as: Int64.self
                )
            )
            let workspaceID = try requireID(
                try db.value(
                    "INSERT INTO workspaces (name, created_at) VALUES (\(workspaceName), \(now)) RETURNING id",
                    as: Int64.self
                )
            )
            try db.execute(
                """
                INSERT INTO memberships (workspace_id, user_id, role, created_at)
                VALUES (\(workspaceID), \(userID), \(MemberRole.owner.rawValue), \(now))
                """
            )
            try db.execute(
                """
                INSERT INTO api_tokens (user_id, name, token_hash, created_at)
                VALUES (\(userID), \(tokenName), \(tokenHash), \(now))
                """
            )
            try audit(
                db,
                AuditEntryRecord(
                    workspaceID: workspaceID,
                    userID: userID,
                    action: "init",
                    target: "workspace:\(workspaceID)",
                    at: now
                )
            )
            return (
                WorkspaceRecord(id: workspaceID, name: workspaceName, createdAt: now),
                UserRecord(id: userID, name: ownerName, createdAt: now)
            )
        }
    }

    package func createWorkspace(name: String, ownerID: Int64, now: Date) throws(StorageError) -> WorkspaceRecord {
        try write { db in
            let inserted = try db.value(
                """
                INSERT INTO workspaces (name, created_at) VALUES (\(name), \(now))
                ON CONFLICT (name) DO NOTHING RETURNING id
                """,
                as: Int64.self
            )
            guard let workspaceID = inserted else {
                throw StorageError(path: path, reason: .conflict("a workspace named '\(name)' already exists"))
            }
            try db.execute(
                """
                INSERT INTO memberships (workspace_id, user_id, role, created_at)
                VALUES (\(workspaceID), \(ownerID), \(MemberRole.owner.rawValue), \(now))
                """
            )
            try audit(
                db,
                AuditEntryRecord(
                    workspaceID: workspaceID,
                    userID: ownerID,
                    action: "workspace.create",
                    target: "workspace:\(workspaceID)",
                    at: now
                )
            )
            return WorkspaceRecord(id: workspaceID, name: name, createdAt: now)
        }
    }

    package func workspaces(forUser userID: Int64) throws(StorageError) -> [WorkspaceMembership] {
        try read { db in
            try db.all(
                """
                SELECT w.id, w.name, w.created_at, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
                WHERE m.user_id = \(userID) ORDER BY m.workspace_id
                """
            ) { row in
                WorkspaceMembership(workspace: try WorkspaceRecord(pg: row), role: try row.text("role"))
            }
        }
    }

    package func workspace(id: Int64) throws(StorageError) -> WorkspaceRecord? {
        try read { db in
            try db.one("SELECT \(unescaped: PGColumns.workspace) FROM workspaces WHERE id = \(id)") { row in
                try WorkspaceRecord(pg: row)
            }
        }
    }

    package func workspace(named name: String) throws(StorageError) -> WorkspaceRecord? {
        try read { db in
            try db.one("SELECT \(unescaped: PGColumns.workspace) FROM workspaces WHERE name = \(name)") { row in
                try WorkspaceRecord(pg: row)
            }
        }
    }

    package func role(ofUser userID: Int64, inWorkspace workspaceID: Int64) throws(StorageError) -> MemberRole? {
        try read { db in
            try db.one("SELECT role FROM memberships WHERE workspace_id = \(workspaceID) AND user_id = \(userID)") {
                row in try row.text("role", as: MemberRole.self)
            }
        }
    }

    package func user(id: Int64) throws(StorageError) -> UserRecord? {
        try read { db in
            try db.one("SELECT \(unescaped: PGColumns.user) FROM users WHERE id = \(id)") { row in
                try UserRecord(pg: row)
            }
        }
    }

    package func user(named name: String) throws(StorageError) -> UserRecord? {
        try read { db in
            try db.one("SELECT \(unescaped: PGColumns.user) FROM users WHERE name = \(name)") { row in
                try UserRecord(pg: row)
            }
        }
    }

    package func addMember(
        name: String,
        workspaceID: Int64,
        role: MemberRole,
        mayAttachExisting: Bool,
        actorID: Int64,
        now: Date
    ) throws(StorageError) -> UserRecord? {
        try write { db in
            // Created here or found: decided in this transaction, so a user created meanwhile is not attached either.
            var user = try db.one(
                """
                INSERT INTO users (name, created_at) VALUES (\(name), \(now)) ON CONFLICT (name) DO NOTHING
                RETURNING \(unescaped: PGColumns.user)
                """
            ) { row in try UserRecord(pg: row) }
            if user == nil {
                guard mayAttachExisting else { return nil }
                user = try db.one("SELECT \(unescaped: PGColumns.user) FROM users WHERE name = \(name)") { row in
                    try UserRecord(pg: row)
                }
            }
            guard let user, let userID = user.id else {
                throw StorageError(path: path, reason: .failed("user '\(name)' vanished while being added"))
            }
            let added = try db.execute(
                """
                INSERT INTO memberships (workspace_id, user_id, role, created_at)
                VALUES (\(workspaceID), \(userID), \(role.rawValue), \(now)) ON CONFLICT DO NOTHING
                """
            )
            guard added == 1 else {
                throw StorageError(
                    path: path,
                    reason: .conflict("'\(name)' is already a member of workspace \(workspaceID)")
                )
            }
            try audit(
                db,
                AuditEntryRecord(
                    workspaceID: workspaceID,
                    userID: actorID,
                    action: "member.add",
                    target: "user:\(userID)",
                    detail: role.rawValue,
                    at: now
                )
            )
            return user
        }
    }

    package func insertToken(_ token: APITokenRecord) throws(StorageError) -> APITokenRecord {
        try write { db in
            var token = token
            token.id = try db.value(
                """
                INSERT INTO api_tokens (user_id, name, token_hash, created_at, last_used_at, expires_at, revoked_at)
                VALUES (\(token.userID), \(token.name), \(token.tokenHash), \(token.createdAt), \(token.lastUsedAt),
                    \(token.expiresAt), \(token.revokedAt))
                RETURNING id
                """,
                as: Int64.self
            )
            return token
        }
    }

    /// The live token with this hash. Its last-used time is touched at most once a minute, by a one-row update that
    /// waits for nobody but a writer of that same row.
    package func useToken(hash: String, now: Date) throws(StorageError) -> APITokenRecord? {
        try read { db in
            let token = try db.one("SELECT \(unescaped: PGColumns.token) FROM api_tokens WHERE token_hash = \(hash)") {
                row in try APITokenRecord(pg: row)
            }
            guard let token, token.revokedAt == nil, token.expiresAt.map({ $0 > now }) ?? true else { return nil }
            if let id = token.id, token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
                _ = try? db.execute("UPDATE api_tokens SET last_used_at = \(now) WHERE id = \(id)")
            }
            return token
        }
    }

    package func tokens(ofUser userID: Int64) throws(StorageError) -> [APITokenRecord] {
        try read { db in
            try db.all("SELECT \(unescaped: PGColumns.token) FROM api_tokens WHERE user_id = \(userID) ORDER BY id") {
                row in try APITokenRecord(pg: row)
            }
        }
    }

    package func token(id: Int64) throws(StorageError) -> APITokenRecord? {
        try read { db in
            try db.one("SELECT \(unescaped: PGColumns.token) FROM api_tokens WHERE id = \(id)") { row in
                try APITokenRecord(pg: row)
            }
        }
    }

    package func revokeToken(id: Int64, actorID: Int64, now: Date) throws(StorageError) {
        try write { db in
            try db.execute("UPDATE api_tokens SET revoked_at = \(now) WHERE id = \(id) AND revoked_at IS NULL")
            try audit(
                db,
                AuditEntryRecord(
                    workspaceID: nil,
                    userID: actorID,
                    action: "token.revoke",
                    target: "token:\(id)",
                    at: now
                )
            )
        }
    }
}
