package import Foundation

/// Who created, deleted or synced what, and when. Never holds a secret.
package struct AuditEntryRecord: Codable, Sendable, Equatable {
    package var id: Int64?
    package var workspaceID: Int64?
    package var userID: Int64?
    package var action: String
    package var target: String
    package var detail: String?
    package var at: Date

    package init(
        id: Int64? = nil,
        workspaceID: Int64?,
        userID: Int64?,
        action: String,
        target: String,
        detail: String? = nil,
        at: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.userID = userID
        self.action = action
        self.target = target
        self.detail = detail
        self.at = at
    }

    enum CodingKeys: String, CodingKey {
        case id, action, target, detail, at
        case workspaceID = "workspace_id"
        case userID = "user_id"
    }
}
