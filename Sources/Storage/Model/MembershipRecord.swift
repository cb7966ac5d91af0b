package import Foundation

/// A user's role in one workspace.
package struct MembershipRecord: Codable, Sendable, Equatable {
    package var workspaceID: Int64
    package var userID: Int64
    package var role: MemberRole
    package var createdAt: Date

    package init(workspaceID: Int64, userID: Int64, role: MemberRole, createdAt: Date) {
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
