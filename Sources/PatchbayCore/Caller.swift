/// Who is calling: every service call is made on behalf of an authenticated user.
package struct Caller: Sendable, Equatable {
    package var userID: Int64
    package var name: String

    package init(userID: Int64, name: String) {
        self.userID = userID
        self.name = name
    }
}

/// A member's role in a workspace; each role may do what the ones below it may.
package enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case viewer
    case member
    case admin
    case owner

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .member: 1
        case .admin: 2
        case .owner: 3
        }
    }

    package static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}

/// What a call needs to be allowed to do, mapped to the least role that may.
package enum Permission: Sendable {
    /// See integrations and networks.
    case read
    /// Start syncs.
    case sync
    /// Create and delete integrations, add members.
    case manage

    var minimumRole: Role {
        switch self {
        case .read: .viewer
        case .sync: .member
        case .manage: .admin
        }
    }
}
