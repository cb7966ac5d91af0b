package import Foundation
package import Logging
package import Storage

/// What every service shares: the store, the loaded providers, the credential cipher, a clock and a logger.
package struct CoreContext: Sendable {
    /// Where everything is kept: an interface of plain values, whichever backend is behind it.
    package let database: any PatchbayStore
    package let providers: any ProviderDirectory
    package let cipher: any CredentialCipher
    package let clock: @Sendable () -> Date
    package let logger: Logger
    /// Shared by every service built on this context, so one process runs one sync per integration.
    let syncGate = SyncGate()

    package init(
        database: any PatchbayStore,
        providers: any ProviderDirectory,
        cipher: any CredentialCipher,
        clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger
    ) {
        self.database = database
        self.providers = providers
        self.cipher = cipher
        self.clock = clock
        self.logger = logger
    }

    /// Runs a storage call, turning its error into a `ServiceError`.
    func store<T>(_ body: () throws(StorageError) -> T) throws(ServiceError) -> T {
        do {
            return try body()
        } catch {
            throw ServiceError(error)
        }
    }

    /// The caller's role in `workspaceID` if it allows `permission`. A workspace the caller does not belong to is
    /// "not found", never "forbidden", so ids cannot be probed.
    @discardableResult
    func authorize(_ caller: Caller, workspaceID: Int64, for permission: Permission) throws(ServiceError) -> Role {
        let stored = try store { () throws(StorageError) in
            try database.role(ofUser: caller.userID, inWorkspace: workspaceID)
        }
        guard let role = stored.map(Role.init) else {
            throw ServiceError(.notFound, "workspace \(workspaceID): not found; check the id and your memberships")
        }
        guard role >= permission.minimumRole else {
            throw ServiceError(
                .permissionDenied,
                "workspace \(workspaceID): your role '\(role.rawValue)' cannot do this; ask an admin for the '\(permission.minimumRole.rawValue)' role or higher"
            )
        }
        return role
    }

    /// Resolves a workspace given as an id or a name, among the caller's workspaces.
    func workspaceID(_ reference: String, caller: Caller) throws(ServiceError) -> Int64 {
        let workspace = try store { () throws(StorageError) in
            if let id = Int64(reference) { return try database.workspace(id: id) }
            return try database.workspace(named: reference)
        }
        guard let workspace, let id = workspace.id,
            try store({ () throws(StorageError) in try database.role(ofUser: caller.userID, inWorkspace: id) }) != nil
        else {
            throw ServiceError(.notFound, "workspace '\(reference)': not found; `patchbay workspaces list` shows yours")
        }
        return id
    }
}

extension ServiceError {
    init(_ error: StorageError) {
        switch error.reason {
        case .conflict: self.init(.conflict, error.description)
        case .notFound: self.init(.notFound, error.description)
        case .cannotOpen: self.init(.unavailable, error.description)
        case .busy: self.init(.unavailable, error.description)
        case .exposedDirectory: self.init(.permissionDenied, error.description)
        case .failed: self.init(.internal, error.description)
        }
    }
}
