package import Foundation

/// A console session: a browser's sign-in, exchanged for an API token and carried in an `HttpOnly` cookie. Stored,
/// like a token, only as the SHA-256 of its value; the token it was exchanged for is remembered by id so revoking
/// the token ends its sessions too.
package struct SessionRecord: Codable, Sendable, Equatable {
    package var id: Int64?
    package var userID: Int64
    package var tokenID: Int64?
    package var sessionHash: String
    /// The browser's User-Agent at sign-in, shortened: lets a user tell their sessions apart.
    package var userAgent: String
    package var createdAt: Date
    package var lastUsedAt: Date?
    package var expiresAt: Date
    package var revokedAt: Date?

    package init(
        id: Int64? = nil,
        userID: Int64,
        tokenID: Int64?,
        sessionHash: String,
        userAgent: String,
        createdAt: Date,
        lastUsedAt: Date? = nil,
        expiresAt: Date,
        revokedAt: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.tokenID = tokenID
        self.sessionHash = sessionHash
        self.userAgent = userAgent
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case userID = "user_id"
        case tokenID = "token_id"
        case sessionHash = "session_hash"
        case userAgent = "user_agent"
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
        case expiresAt = "expires_at"
        case revokedAt = "revoked_at"
    }
}
