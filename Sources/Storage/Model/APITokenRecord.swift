package import Foundation

/// An API token, stored only as the SHA-256 of its value: the value itself is shown once, at creation.
package struct APITokenRecord: Codable, Sendable, Equatable {
    package var id: Int64?
    package var userID: Int64
    package var name: String
    package var tokenHash: String
    package var createdAt: Date
    package var lastUsedAt: Date?
    package var expiresAt: Date?
    package var revokedAt: Date?

    package init(
        id: Int64? = nil,
        userID: Int64,
        name: String,
        tokenHash: String,
        createdAt: Date,
        lastUsedAt: Date? = nil,
        expiresAt: Date? = nil,
        revokedAt: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.name = name
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name
        case userID = "user_id"
        case tokenHash = "token_hash"
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
        case expiresAt = "expires_at"
        case revokedAt = "revoked_at"
    }
}
