package import Foundation
import GRDB

/// Workspaces, users, memberships and API tokens.
extension PatchbayDatabase {
    package func userCount() throws(StorageError) -> Int {
        try read { db in try UserRecord.fetchCount(db) }
    }

    /// First run: the owner, their workspace and their first token, all or nothing.
    package func bootstrap(
        ownerName: String,
        workspaceName: String,
        tokenName: String,
        tokenHash: String,
        now: Date
    ) throws(StorageError) -> (WorkspaceRecord, UserRecord) {
        try write { db in
            guard try UserRecord.fetchCount(db) == 0 else {
                throw StorageError(
                    path: path,
                    reason: .conflict("already initialized; use a token of an existing user")
                )
            }
            var user = UserRecord(name: ownerName, createdAt: now)
            try user.insert(db)
            var workspace = WorkspaceRecord(name: workspaceName, createdAt: now)
            try workspace.insert(db)
            let userID = try requireID(user.id)
            let workspaceID = try requireID(workspace.id)
            try MembershipRecord(workspaceID: workspaceID, userID: userID, role: "owner", createdAt: now).insert(db)
            var token = APITokenRecord(userID: userID, name: tokenName, tokenHash: tokenHash, createdAt: now)
            try token.insert(db)
            try AuditEntryRecord(
                workspaceID: workspaceID,
                userID: userID,
                action: "init",
                target: "workspace:\(workspaceID)",
                at: now
            ).insert(db)
            return (workspace, user)
        }
    }

    /// Creates a workspace whose owner is `ownerID`.
    package func createWorkspace(name: String, ownerID: Int64, now: Date) throws(StorageError) -> WorkspaceRecord {
        try write { db in
            if try WorkspaceRecord.filter(Column("name") == name).fetchCount(db) > 0 {
                throw StorageError(path: path, reason: .conflict("a workspace named '\(name)' already exists"))
            }
            var workspace = WorkspaceRecord(name: name, createdAt: now)
            try workspace.insert(db)
            let workspaceID = try requireID(workspace.id)
            try MembershipRecord(workspaceID: workspaceID, userID: ownerID, role: "owner", createdAt: now).insert(db)
            try AuditEntryRecord(
                workspaceID: workspaceID,
                userID: ownerID,
                action: "workspace.create",
                target: "workspace:\(workspaceID)",
                at: now
            ).insert(db)
            return workspace
        }
    }

    /// The workspaces `userID` belongs to, with their role in each.
    package func workspaces(forUser userID: Int64) throws(StorageError) -> [(WorkspaceRecord, String)] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT w.*, m.role AS member_role FROM workspaces w
                    JOIN memberships m ON m.workspace_id = w.id
                    WHERE m.user_id = ? ORDER BY w.id
                    """,
                arguments: [userID]
            )
            return try rows.map { row in (try WorkspaceRecord(row: row), row["member_role"] as String) }
        }
    }

    package func workspace(id: Int64) throws(StorageError) -> WorkspaceRecord? {
        try read { db in try WorkspaceRecord.fetchOne(db, key: id) }
    }

    package func workspace(named name: String) throws(StorageError) -> WorkspaceRecord? {
        try read { db in try WorkspaceRecord.filter(Column("name") == name).fetchOne(db) }
    }

    /// The role of `userID` in `workspaceID`, nil when not a member.
    package func role(ofUser userID: Int64, inWorkspace workspaceID: Int64) throws(StorageError) -> String? {
        try read { db in
            try String.fetchOne(
                db,
                sql: "SELECT role FROM memberships WHERE user_id = ? AND workspace_id = ?",
                arguments: [userID, workspaceID]
            )
        }
    }

    package func user(id: Int64) throws(StorageError) -> UserRecord? {
        try read { db in try UserRecord.fetchOne(db, key: id) }
    }

    package func user(named name: String) throws(StorageError) -> UserRecord? {
        try read { db in try UserRecord.filter(Column("name") == name).fetchOne(db) }
    }

    /// Creates a user (or reuses one of that name) and gives them `role` in the workspace.
    package func addMember(
        name: String,
        workspaceID: Int64,
        role: String,
        actorID: Int64,
        now: Date
    ) throws(StorageError) -> UserRecord {
        try write { db in
            var user =
                try UserRecord.filter(Column("name") == name).fetchOne(db) ?? UserRecord(name: name, createdAt: now)
            if user.id == nil { try user.insert(db) }
            let userID = try requireID(user.id)
            if try MembershipRecord.fetchOne(db, key: ["workspace_id": workspaceID, "user_id": userID]) != nil {
                throw StorageError(
                    path: path,
                    reason: .conflict("'\(name)' is already a member of workspace \(workspaceID)")
                )
            }
            try MembershipRecord(workspaceID: workspaceID, userID: userID, role: role, createdAt: now).insert(db)
            try AuditEntryRecord(
                workspaceID: workspaceID,
                userID: actorID,
                action: "member.add",
                target: "user:\(userID)",
                detail: role,
                at: now
            ).insert(db)
            return user
        }
    }

    package func insertToken(_ token: APITokenRecord) throws(StorageError) -> APITokenRecord {
        try write { db in
            var token = token
            try token.insert(db)
            return token
        }
    }

    /// The live token with this hash. Revoked and expired tokens are not returned. The last-used time is touched
    /// at most once a minute and in the background: authenticating never waits behind a long sync's write lock.
    package func useToken(hash: String, now: Date) throws(StorageError) -> APITokenRecord? {
        let token = try read { db in try APITokenRecord.filter(Column("token_hash") == hash).fetchOne(db) }
        guard let token, token.revokedAt == nil, token.expiresAt.map({ $0 > now }) ?? true else { return nil }
        if let id = token.id, token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            writer.asyncWriteWithoutTransaction { db in
                try? db.execute(sql: "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", arguments: [now, id])
            }
        }
        return token
    }

    package func tokens(ofUser userID: Int64) throws(StorageError) -> [APITokenRecord] {
        try read { db in try APITokenRecord.filter(Column("user_id") == userID).order(Column("id")).fetchAll(db) }
    }

    package func token(id: Int64) throws(StorageError) -> APITokenRecord? {
        try read { db in try APITokenRecord.fetchOne(db, key: id) }
    }

    package func revokeToken(id: Int64, actorID: Int64, now: Date) throws(StorageError) {
        try write { db in
            try db.execute(
                sql: "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                arguments: [now, id]
            )
            try AuditEntryRecord(
                workspaceID: nil,
                userID: actorID,
                action: "token.revoke",
                target: "token:\(id)",
                at: now
            )
            .insert(db)
        }
    }
}
