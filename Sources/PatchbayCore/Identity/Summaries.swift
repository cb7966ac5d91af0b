package import Foundation
import Storage

/// A workspace as surfaces show it, with the caller's role in it.
package struct WorkspaceSummary: Sendable, Equatable, Codable {
    package var id: Int64
    package var name: String
    package var role: Role?

    package init(id: Int64, name: String, role: Role?) {
        self.id = id
        self.name = name
        self.role = role
    }

    init(_ record: WorkspaceRecord, role: Role?) {
        self.init(id: record.id ?? 0, name: record.name, role: role)
    }
}

/// A user as surfaces show it.
package struct UserSummary: Sendable, Equatable, Codable {
    package var id: Int64
    package var name: String

    package init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }

    init(_ record: UserRecord) {
        self.init(id: record.id ?? 0, name: record.name)
    }
}

/// A token at the one moment its value is shown: right after it was created.
package struct IssuedToken: Sendable, Codable {
    package var token: String
    package var tokenID: Int64?
    package var user: UserSummary
    package var workspace: WorkspaceSummary?

    package init(token: String, tokenID: Int64? = nil, user: UserSummary, workspace: WorkspaceSummary?) {
        self.token = token
        self.tokenID = tokenID
        self.user = user
        self.workspace = workspace
    }

    enum CodingKeys: String, CodingKey {
        case token, user, workspace
        case tokenID = "token_id"
    }
}

/// A token's metadata; its value is never shown again.
package struct TokenSummary: Sendable, Equatable, Codable {
    package var id: Int64
    package var name: String
    package var createdAt: Date
    package var lastUsedAt: Date?
    package var expiresAt: Date?
    package var revoked: Bool

    init(_ record: APITokenRecord) {
        id = record.id ?? 0
        name = record.name
        createdAt = record.createdAt
        lastUsedAt = record.lastUsedAt
        expiresAt = record.expiresAt
        revoked = record.revokedAt != nil
    }

    enum CodingKeys: String, CodingKey {
        case id, name, revoked
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
        case expiresAt = "expires_at"
    }
}
