package import Foundation
import Storage

/// Workspaces, users, memberships and API tokens; and turning a token into a `Caller`.
package struct IdentityService: Sendable {
    let context: CoreContext

    package init(context: CoreContext) {
        self.context = context
    }

    /// First run: creates the owner, a workspace and a token. Refused once any user exists.
    package func initialize(ownerName: String, workspaceName: String) async throws(ServiceError) -> IssuedToken {
        try await context.write { () throws(ServiceError) in
            try Validation.name(ownerName, field: "owner name")
            try Validation.name(workspaceName, field: "workspace name")
            let token = APIToken.generate()
            let (workspace, user) = try context.store { () throws(StorageError) in
                try context.database.bootstrap(
                    ownerName: ownerName,
                    workspaceName: workspaceName,
                    tokenName: "initial",
                    tokenHash: context.cipher.digest(Array(token.utf8)),
                    now: context.clock()
                )
            }
            return IssuedToken(
                token: token,
                user: UserSummary(user),
                workspace: WorkspaceSummary(workspace, role: .owner)
            )
        }
    }

    /// The caller behind a token. Unknown, revoked and expired tokens are all "unauthenticated".
    package func authenticate(token: String) throws(ServiceError) -> Caller {
        let hash = context.cipher.digest(Array(token.trimmingCharacters(in: .whitespacesAndNewlines).utf8))
        let now = context.clock()
        let user = try context.store { () throws(StorageError) in try context.database.tokenUser(hash: hash, now: now)
        }
        guard let user, let userID = user.id else {
            throw ServiceError(
                .unauthenticated,
                "token: not valid (unknown, revoked or expired); create one with `patchbay tokens create`"
            )
        }
        return Caller(userID: userID, name: user.name)
    }

    /// Creates a workspace owned by the caller: installation administrators only, unless the installation's
    /// `workspace_creation` setting is `everyone`.
    package func createWorkspace(_ caller: Caller, name: String) async throws(ServiceError) -> WorkspaceSummary {
        try await context.write { () throws(ServiceError) in
            try Validation.name(name, field: "workspace name")
            guard try InstallationService(context: context).mayCreateWorkspaces(caller) else {
                throw ServiceError(
                    .permissionDenied,
                    "workspace '\(name)': only an installation administrator may create workspaces here; ask one to "
                        + "create it, or to allow everyone (`patchbay settings set workspace_creation everyone`)"
                )
            }
            let workspace = try context.store { () throws(StorageError) in
                try context.database.createWorkspace(name: name, ownerID: caller.userID, now: context.clock())
            }
            return WorkspaceSummary(workspace, role: .owner)
        }
    }

    package func workspaces(_ caller: Caller) throws(ServiceError) -> [WorkspaceSummary] {
        try context.store { () throws(StorageError) in try context.database.workspaces(forUser: caller.userID) }
            .map { WorkspaceSummary($0.workspace, role: Role($0.role)) }
    }

    /// The caller's workspace `reference` (an id or a name).
    package func workspace(_ caller: Caller, _ reference: String) throws(ServiceError) -> WorkspaceSummary {
        let access = try context.access(reference, caller: caller, for: .read)
        return WorkspaceSummary(access.workspace, role: access.role)
    }

    /// Adds a user (created if new) to a workspace with a role. Admins add members; only owners add owners. A user
    /// who already exists is added only by an installation administrator: otherwise any workspace admin could pull
    /// anyone into a workspace they own.
    package func addUser(
        _ caller: Caller,
        name: String,
        workspace reference: String,
        role: Role
    ) async throws(ServiceError) -> UserSummary {
        try await context.write { () throws(ServiceError) in
            try Validation.name(name, field: "user name")
            let access = try context.access(reference, caller: caller, for: .manage)
            let (workspaceID, callerRole) = (access.id, access.role)
            guard role <= callerRole else {
                throw ServiceError(.permissionDenied, "role '\(role.rawValue)': only an owner can grant it")
            }
            let mayAttachExisting = try context.isInstallationAdmin(caller)
            let added = try context.store { () throws(StorageError) in
                try context.database.addMember(
                    name: name,
                    workspaceID: workspaceID,
                    role: role.stored,
                    mayAttachExisting: mayAttachExisting,
                    actorID: caller.userID,
                    now: context.clock()
                )
            }
            guard let user = added else {
                throw ServiceError(
                    .permissionDenied,
                    "user '\(name)': already exists, and only an installation administrator may add an existing user "
                        + "to a workspace; ask one, or pick a new user name"
                )
            }
            return UserSummary(user)
        }
    }

    /// The longest a token may live: ten years (3,650 days). A longer lifetime is refused, never clamped.
    package static let maximumTokenLifetime: TimeInterval = 3650 * 86_400

    /// Issues a token for the caller, or (for an installation administrator only) for another user. A token acts
    /// as its user everywhere, so a workspace admin issuing one for a member would take over their other workspaces.
    package func createToken(
        _ caller: Caller,
        name: String,
        forUser userName: String? = nil,
        expiresIn: TimeInterval? = nil
    ) async throws(ServiceError) -> IssuedToken {
        try Validation.name(name, field: "token name")
        // The surfaces refuse a lifetime below one second too; here only the bound that keeps the date storable.
        if let expiresIn, !(expiresIn <= Self.maximumTokenLifetime) {
            throw ServiceError(
                .invalidArgument,
                "token expiry: \(expiresIn) s is beyond the limit; use at most \(Int(Self.maximumTokenLifetime)) s (10 years), or omit it"
            )
        }
        return try await context.write { () throws(ServiceError) in
            let user = try tokenOwner(caller, userName: userName)
            let token = APIToken.generate()
            let now = context.clock()
            let record = APITokenRecord(
                userID: user.id,
                name: name,
                tokenHash: context.cipher.digest(Array(token.utf8)),
                createdAt: now,
                expiresAt: expiresIn.map { now.addingTimeInterval($0) }
            )
            let stored = try context.store { () throws(StorageError) in try context.database.insertToken(record) }
            return IssuedToken(token: token, tokenID: stored.id, user: user, workspace: nil)
        }
    }

    /// Revokes one of the caller's tokens; it stops working at once.
    package func revokeToken(_ caller: Caller, id: Int64) async throws(ServiceError) {
        try await context.write { () throws(ServiceError) in
            let token = try context.store { () throws(StorageError) in try context.database.token(id: id) }
            guard let token, token.userID == caller.userID else {
                throw ServiceError(
                    .notFound,
                    "token \(id): not found among your tokens; `patchbay tokens list` shows them"
                )
            }
            try context.store { () throws(StorageError) in
                try context.database.revokeToken(id: id, actorID: caller.userID, now: context.clock())
            }
        }
    }

    package func tokens(_ caller: Caller) throws(ServiceError) -> [TokenSummary] {
        try context.store { () throws(StorageError) in try context.database.tokens(ofUser: caller.userID) }
            .map(TokenSummary.init)
    }

    private func tokenOwner(_ caller: Caller, userName: String?) throws(ServiceError) -> UserSummary {
        guard let userName, userName != caller.name else {
            return UserSummary(id: caller.userID, name: caller.name)
        }
        // Checked before the user is looked up, so the answer does not tell who exists.
        try context.requireInstallationAdmin(caller, to: "issue tokens for other users")
        let user = try context.store { () throws(StorageError) in try context.database.user(named: userName) }
        guard let user else {
            throw ServiceError(.notFound, "user '\(userName)': not found; check the name")
        }
        return UserSummary(user)
    }
}
