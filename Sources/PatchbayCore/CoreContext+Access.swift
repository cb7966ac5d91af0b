import Storage

/// A workspace the caller may act in, with the role that allowed it.
struct WorkspaceAccess {
    let workspace: WorkspaceRecord
    let id: Int64
    let role: Role
}

extension CoreContext {
    /// Resolves a workspace given as an id or a name among the caller's workspaces and checks that their role there
    /// allows `permission`, in one read. A workspace the caller does not belong to is "not found", never
    /// "forbidden", so ids and names cannot be probed.
    @discardableResult
    func access(
        _ reference: String,
        caller: Caller,
        for permission: Permission
    ) throws(ServiceError) -> WorkspaceAccess {
        let workspace: WorkspaceReference = Int64(reference).map { .id($0) } ?? .name(reference)
        let membership = try store { () throws(StorageError) in
            try database.membership(ofUser: caller.userID, in: workspace)
        }
        guard let membership, let id = membership.workspace.id else {
            throw ServiceError(.notFound, "workspace '\(reference)': not found; `patchbay workspaces list` shows yours")
        }
        let role = Role(membership.role)
        try Self.require(role, for: permission, workspaceID: id)
        return WorkspaceAccess(workspace: membership.workspace, id: id, role: role)
    }
}
