/// A user and the role they hold in one workspace, for a member list.
package struct WorkspaceMember: Sendable, Equatable {
    package var user: UserRecord
    package var role: MemberRole

    package init(user: UserRecord, role: MemberRole) {
        self.user = user
        self.role = role
    }
}

/// A network search: which of a workspace's networks, and in which order. Every order ends with the id, so it is
/// total and a page can continue after any row (keyset pagination: the cursor is the last row's id).
package struct NetworkSearch: Sendable, Equatable {
    package enum Order: String, Sendable, CaseIterable {
        case id
        case name
        case status
        case updated
    }

    package var workspaceID: Int64
    package var integrationID: Int64?
    package var status: NetworkStatus?
    package var organizationID: String?
    /// Part of the name, matched case-insensitively (ASCII), `%` and `_` taken literally.
    package var nameContains: String?
    package var order: Order
    package var descending: Bool
    /// Continues a previous page: only rows after this network in `order`.
    package var afterID: Int64?

    package init(
        workspaceID: Int64,
        integrationID: Int64? = nil,
        status: NetworkStatus? = nil,
        organizationID: String? = nil,
        nameContains: String? = nil,
        order: Order = .id,
        descending: Bool = false,
        afterID: Int64? = nil
    ) {
        self.workspaceID = workspaceID
        self.integrationID = integrationID
        self.status = status
        self.organizationID = organizationID
        self.nameContains = nameContains
        self.order = order
        self.descending = descending
        self.afterID = afterID
    }
}

/// A provider organization a workspace's networks belong to, with how many of them.
package struct OrganizationCount: Sendable, Equatable {
    package var id: String
    package var networks: Int

    package init(id: String, networks: Int) {
        self.id = id
        self.networks = networks
    }
}
