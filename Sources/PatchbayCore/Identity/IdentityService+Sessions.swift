package import Foundation
import Storage

/// Console sessions: a browser pastes an API token once and gets a session whose value lives only in an
/// `HttpOnly` cookie. A session never outlives the token it came from, and revoking either ends it.
extension IdentityService {
    /// How long a console session lasts when the token allows it: a working day.
    package static let sessionLifetime: TimeInterval = 12 * 60 * 60

    /// Exchanges a live API token for a new session of the same user.
    package func createSession(
        token: String,
        userAgent: String,
        lifetime: TimeInterval = IdentityService.sessionLifetime
    ) async throws(ServiceError) -> IssuedSession {
        try await context.write { () throws(ServiceError) in
            let hash = context.cipher.digest(Array(token.trimmingCharacters(in: .whitespacesAndNewlines).utf8))
            let now = context.clock()
            let tokenRecord = try context.store { () throws(StorageError) in
                try context.database.useToken(hash: hash, now: now)
            }
            guard let tokenRecord, let tokenID = tokenRecord.id else {
                throw ServiceError(
                    .unauthenticated,
                    "token: not valid (unknown, revoked or expired); paste a token from `patchbay tokens create`"
                )
            }
            let value = SessionValue.generate()
            let record = SessionRecord(
                userID: tokenRecord.userID,
                tokenID: tokenID,
                sessionHash: context.cipher.digest(Array(value.utf8)),
                userAgent: String(userAgent.prefix(200)),
                createdAt: now,
                // A session never outlives its token.
                expiresAt: min(now.addingTimeInterval(lifetime), tokenRecord.expiresAt ?? .distantFuture)
            )
            let stored = try context.store { () throws(StorageError) in try context.database.insertSession(record) }
            let user = try context.store { () throws(StorageError) in
                try context.database.user(id: tokenRecord.userID)
            }
            guard let user else {
                throw ServiceError(.unauthenticated, "token: its user no longer exists; sign in with another token")
            }
            return IssuedSession(value: value, session: SessionSummary(stored, now: now), user: UserSummary(user))
        }
    }

    /// The caller behind a session cookie, and the session's id. Unknown, ended and expired sessions are all
    /// "unauthenticated".
    package func authenticate(session value: String) throws(ServiceError) -> (caller: Caller, sessionID: Int64) {
        let hash = context.cipher.digest(Array(value.utf8))
        let now = context.clock()
        let use = try context.store { () throws(StorageError) in
            try context.database.useSession(hash: hash, now: now)
        }
        guard let use, let sessionID = use.session.id else {
            throw ServiceError(.unauthenticated, "session: signed out or expired; sign in again with an API token")
        }
        return (Caller(userID: use.session.userID, name: use.user.name), sessionID)
    }

    /// The caller's sessions, newest first.
    package func sessions(_ caller: Caller) throws(ServiceError) -> [SessionSummary] {
        let now = context.clock()
        return try context.store { () throws(StorageError) in try context.database.sessions(ofUser: caller.userID) }
            .map { SessionSummary($0, now: now) }
    }

    /// Ends one of the caller's sessions (signing out ends the current one).
    package func revokeSession(_ caller: Caller, id: Int64) async throws(ServiceError) {
        try await context.write { () throws(ServiceError) in
            let session = try context.store { () throws(StorageError) in try context.database.session(id: id) }
            guard let session, session.userID == caller.userID else {
                throw ServiceError(
                    .notFound,
                    "session \(id): not found among your sessions; GET /v1/sessions lists them"
                )
            }
            try context.store { () throws(StorageError) in
                try context.database.revokeSession(id: id, actorID: caller.userID, now: context.clock())
            }
        }
    }
}

/// Session values: `pbs_` and 256 random bits in base64url. Only their SHA-256 is stored.
enum SessionValue {
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()  // getrandom(2): cryptographically secure
        return "pbs_" + Base64URL.encode((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}
