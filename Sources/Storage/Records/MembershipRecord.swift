package import Foundation
import GRDB

/// A user's role in one workspace.
package struct MembershipRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "memberships"

    package var workspaceID: Int64
    package var userID: Int64
    package var role: String
    package var createdAt: Date

    package init(workspaceID: Int64, userID: Int64, role: String, createdAt: Date) {
        self.workspaceID = workspaceID
        self.userID = userID
        self.role = role
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case role
        case workspaceID = "workspace_id"
        case userID = "user_id"
        case createdAt = "created_at"
    }
}
