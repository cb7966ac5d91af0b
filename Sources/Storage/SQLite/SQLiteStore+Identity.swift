package import Foundation
import GRDB

/// Workspaces, users, memberships and API tokens.
extension SQLiteStore {
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
            try MembershipRecord(workspaceID: workspaceID, userID: userID, role: .owner, createdAt: now).insert(db)
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
            if try !WorkspaceRecord.filter(WorkspaceRecord.Columns.name == name).isEmpty(db) {
                throw StorageError(path: path, reason: .conflict("a workspace named '\(name)' already exists"))
            }
            var workspace = WorkspaceRecord(name: name, createdAt: now)
            try workspace.insert(db)
            let workspaceID = try requireID(workspace.id)
            try MembershipRecord(workspaceID: workspaceID, userID: ownerID, role: .owner, createdAt: now).insert(db)
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

    package func workspaces(forUser userID: Int64) throws(StorageError) -> [WorkspaceMembership] {
        try read { db in
            let request = MembershipRecord.filter(MembershipRecord.Columns.userID == userID)
                .including(required: MembershipRecord.workspace)
                .order(MembershipRecord.Columns.workspaceID)
            return try Row.fetchAll(db, request).map { row in
                guard let workspace = row.scopes[MembershipRecord.workspaceKey] else {
                    throw DatabaseError(message: "a membership was read without its workspace")
                }
                return WorkspaceMembership(
                    workspace: try WorkspaceRecord(row: workspace),
                    role: row[MembershipRecord.Columns.role]
                )
            }
        }
    }

    package func workspace(id: Int64) throws(StorageError) -> WorkspaceRecord? {
        try read { db in try WorkspaceRecord.fetchOne(db, key: id) }
    }

    package func workspace(named name: String) throws(StorageError) -> WorkspaceRecord? {
        try read { db in try WorkspaceRecord.filter(WorkspaceRecord.Columns.name == name).fetchOne(db) }
    }

    package func role(ofUser userID: Int64, inWorkspace workspaceID: Int64) throws(StorageError) -> MemberRole? {
        try read { db in
            try MembershipRecord.fetchOne(db, key: membershipKey(workspaceID: workspaceID, userID: userID))?.role
        }
    }

    package func user(id: Int64) throws(StorageError) -> UserRecord? {
        try read { db in try UserRecord.fetchOne(db, key: id) }
    }

    package func user(named name: String) throws(StorageError) -> UserRecord? {
        try read { db in try UserRecord.filter(UserRecord.Columns.name == name).fetchOne(db) }
    }

    /// Creates a user (or reuses one of that name) and gives them `role` in the workspace.
    package func addMember(
        name: String,
        workspaceID: Int64,
        role: MemberRole,
        actorID: Int64,
        now: Date
    ) throws(StorageError) -> UserRecord {
        try write { db in
            var user =
                try UserRecord.filter(UserRecord.Columns.name == name).fetchOne(db)
                ?? UserRecord(name: name, createdAt: now)
            if user.id == nil { try user.insert(db) }
            let userID = try requireID(user.id)
            if try MembershipRecord.exists(db, key: membershipKey(workspaceID: workspaceID, userID: userID)) {
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
                detail: role.rawValue,
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
        let token = try read { db in try APITokenRecord.filter(APITokenRecord.Columns.tokenHash == hash).fetchOne(db) }
        guard let token, token.revokedAt == nil, token.expiresAt.map({ $0 > now }) ?? true else { return nil }
        if let id = token.id, token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            writer.asyncWriteWithoutTransaction { db in
                _ = try? APITokenRecord.filter(key: id).updateAll(db, APITokenRecord.Columns.lastUsedAt.set(to: now))
            }
        }
        return token
    }

    package func tokens(ofUser userID: Int64) throws(StorageError) -> [APITokenRecord] {
        try read { db in
            try APITokenRecord.filter(APITokenRecord.Columns.userID == userID).order(APITokenRecord.Columns.id)
                .fetchAll(db)
        }
    }

    package func token(id: Int64) throws(StorageError) -> APITokenRecord? {
        try read { db in try APITokenRecord.fetchOne(db, key: id) }
    }

    package func revokeToken(id: Int64, actorID: Int64, now: Date) throws(StorageError) {
        try write { db in
            _ = try APITokenRecord.filter(key: id).filter(APITokenRecord.Columns.revokedAt == nil)
                .updateAll(db, APITokenRecord.Columns.revokedAt.set(to: now))
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

/// The primary key of `memberships`, spelled with its columns.
private func membershipKey(workspaceID: Int64, userID: Int64) -> [String: (any DatabaseValueConvertible)?] {
    [MembershipRecord.Columns.workspaceID.name: workspaceID, MembershipRecord.Columns.userID.name: userID]
}
