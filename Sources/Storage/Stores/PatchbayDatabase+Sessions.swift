package import Foundation
import GRDB

/// Console sessions: created from a live token, found by the hash of their cookie, listed and revoked.
extension PatchbayDatabase {
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

    /// The live session with this hash, or nil when unknown, revoked, expired, or its token was revoked or
    /// expired since. Last use is touched at most once a minute, in the background, as for tokens.
    package func useSession(hash: String, now: Date) throws(StorageError) -> SessionRecord? {
        let found = try read { db -> SessionRecord? in
            guard let session = try SessionRecord.filter(SessionRecord.Columns.sessionHash == hash).fetchOne(db)
            else { return nil }
            guard let tokenID = session.tokenID else { return session }
            let token = try APITokenRecord.fetchOne(db, key: tokenID)
            guard let token, token.revokedAt == nil, token.expiresAt.map({ $0 > now }) ?? true else { return nil }
            return session
        }
        guard let session = found, session.revokedAt == nil, session.expiresAt > now else { return nil }
        if let id = session.id, session.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            writer.asyncWriteWithoutTransaction { db in
                try? db.execute(sql: "UPDATE sessions SET last_used_at = ? WHERE id = ?", arguments: [now, id])
            }
        }
        return session
    }

    /// The user's sessions, newest first, including ended ones (they show as revoked or expired).
    package func sessions(ofUser userID: Int64) throws(StorageError) -> [SessionRecord] {
        try read { db in
            try SessionRecord.filter(SessionRecord.Columns.userID == userID).order(Column("id").desc).fetchAll(db)
        }
    }

    package func session(id: Int64) throws(StorageError) -> SessionRecord? {
        try read { db in try SessionRecord.fetchOne(db, key: id) }
    }

    /// Ends a session at once: its cookie stops working on the next request.
    package func revokeSession(id: Int64, actorID: Int64, now: Date) throws(StorageError) {
        try write { db in
            try db.execute(
                sql: "UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                arguments: [now, id]
            )
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
}
