import Storage

/// A workspace's members as its administrators see them.
extension IdentityService {
    /// The members of the caller's workspace `reference`, with their roles. Admins and owners only: a member list
    /// is who-can-do-what, which viewers do not need.
    package func members(_ caller: Caller, workspace reference: String) throws(ServiceError) -> [MemberSummary] {
        let workspaceID = try context.access(reference, caller: caller, for: .manage).id
        return try context.store { () throws(StorageError) in
            try context.database.members(ofWorkspace: workspaceID)
        }
        .map { MemberSummary(id: $0.user.id ?? 0, name: $0.user.name, role: Role($0.role)) }
    }
}

/// A user and their role in one workspace.
package struct MemberSummary: Sendable, Equatable, Codable {
    package var id: Int64
    package var name: String
    package var role: Role

    package init(id: Int64, name: String, role: Role) {
        self.id = id
        self.name = name
        self.role = role
    }
}
