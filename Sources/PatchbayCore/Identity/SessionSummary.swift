package import Foundation
import Storage

/// A console session as surfaces show it: never its value.
package struct SessionSummary: Sendable, Equatable, Codable {
    package var id: Int64
    package var userAgent: String
    package var createdAt: Date
    package var lastUsedAt: Date?
    package var expiresAt: Date
    /// `active`, `revoked` or `expired`.
    package var status: String
    /// Whether this is the session the request came with; set by the server.
    package var current: Bool

    init(_ record: SessionRecord, now: Date) {
        id = record.id ?? 0
        userAgent = record.userAgent
        createdAt = record.createdAt
        lastUsedAt = record.lastUsedAt
        expiresAt = record.expiresAt
        status = record.revokedAt != nil ? "revoked" : record.expiresAt <= now ? "expired" : "active"
        current = false
    }

    enum CodingKeys: String, CodingKey {
        case id, status, current
        case userAgent = "user_agent"
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
        case expiresAt = "expires_at"
    }
}

/// A session at the one moment its value exists outside the browser's cookie jar: right after sign-in.
package struct IssuedSession: Sendable {
    package var value: String
    package var session: SessionSummary
    package var user: UserSummary
}
