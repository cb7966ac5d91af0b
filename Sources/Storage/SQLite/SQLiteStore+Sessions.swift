package import Foundation
import GRDB

/// Console sessions and a workspace's members (issue 14).
extension SQLiteStore {
    package func insertSession(_ session: SessionRecord) throws(StorageError) -> SessionRecord {
        try write { db in
            var session = session
            try session.insert(db)
            try AuditEntryRecord(
                workspaceID: nil,
                userID: session.userID,
                action: "session.create",
                target: "session:\(try requireID(session.id))",
                at: session.createdAt
            )
            .insert(db)
            return session
        }
    }

    package func sessions(ofUser userID: Int64) throws(StorageError) -> [SessionRecord] {
        try read { db in
            try SessionRecord.filter(SessionRecord.Columns.userID == userID).order(SessionRecord.Columns.id.desc)
                .fetchAll(db)
        }
    }

    package func session(id: Int64) throws(StorageError) -> SessionRecord? {
        try read { db in try SessionRecord.fetchOne(db, key: id) }
    }

    package func revokeSession(id: Int64, actorID: Int64, now: Date) throws(StorageError) {
        try write { db in
            _ = try SessionRecord.filter(key: id).filter(SessionRecord.Columns.revokedAt == nil)
                .updateAll(db, SessionRecord.Columns.revokedAt.set(to: now))
            try AuditEntryRecord(
                workspaceID: nil,
                userID: actorID,
                action: "session.revoke",
                target: "session:\(id)",
                at: now
            )
            .insert(db)
        }
    }

    package func members(ofWorkspace workspaceID: Int64) throws(StorageError) -> [WorkspaceMember] {
        try read { db in
            let request = MembershipRecord.filter(MembershipRecord.Columns.workspaceID == workspaceID)
                .including(required: MembershipRecord.user.forKey(Self.memberKey))
                .order(MembershipRecord.Columns.userID)
            return try Row.fetchAll(db, request).map { row in
                guard let user = row.scopes[Self.memberKey] else {
                    throw DatabaseError(message: "a membership was read without its user")
                }
                return WorkspaceMember(user: try UserRecord(row: user), role: row[MembershipRecord.Columns.role])
            }
        }
    }

    private static let memberKey = "member"
}
