/// Whether a network was in its provider's last complete listing. Removed networks are kept, never deleted.
package enum NetworkStatus: String, Codable, Sendable, CaseIterable {
    case active
    case removed
}

/// Where one sync run stands.
package enum SyncRunStatus: String, Codable, Sendable, CaseIterable {
    case running
    case succeeded
    case failed
}

/// A member's role in one workspace, as stored. Core ranks them; storage only keeps them.
package enum MemberRole: String, Codable, Sendable, CaseIterable {
    case owner
    case admin
    case member
    case viewer
}

/// A workspace together with the role one user holds in it.
package struct WorkspaceMembership: Sendable, Equatable {
    package var workspace: WorkspaceRecord
    package var role: MemberRole

    package init(workspace: WorkspaceRecord, role: MemberRole) {
        self.workspace = workspace
        self.role = role
    }
}
