package import Foundation

/// A person or a robot that calls Patchbay with an API token.
package struct UserRecord: Codable, Sendable, Equatable {
    package var id: Int64?
    package var name: String
    package var createdAt: Date

    package init(id: Int64? = nil, name: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name
        case createdAt = "created_at"
    }
}
