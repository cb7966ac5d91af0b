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
    /// This process's identity and timings in the sync job model.
    package let jobs: SyncJobSettings

    package init(
        database: any PatchbayStore,
        providers: any ProviderDirectory,
        cipher: any CredentialCipher,
        clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger,
        jobs: SyncJobSettings = SyncJobSettings()
    ) {
        self.jobs = jobs
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
        try Self.require(role, for: permission, workspaceID: workspaceID)
        return role
    }

    /// Refuses a role below what `permission` needs.
    static func require(_ role: Role, for permission: Permission, workspaceID: Int64) throws(ServiceError) {
        guard role >= permission.minimumRole else {
            throw ServiceError(
                .permissionDenied,
                "workspace \(workspaceID): your role '\(role.rawValue)' cannot do this; ask an admin for the '\(permission.minimumRole.rawValue)' role or higher"
            )
        }
    }
}

extension ServiceError {
    /// The storage failure as callers see it: named "database", never by its file path, which would tell an API
    /// client where the server keeps its data (issue 15 item 6).
    init(_ error: StorageError) {
        switch error.reason {
        case .conflict(let what): self.init(.conflict, what)
        case .notFound(let what): self.init(.notFound, "\(what) not found")
        case .cannotOpen(let detail):
            self.init(
                .unavailable,
                "database: cannot open: \(detail); check the data directory's permissions and free space"
            )
        case .busy:
            self.init(.busy, "database: busy (another Patchbay process held the write lock too long); try again")
        // The operator must see which directory to chmod; this is raised opening the local data directory.
        case .exposedDirectory: self.init(.permissionDenied, error.description)
        case .failed(let detail): self.init(.internal, "database: \(detail)")
        // Raised opening a PostgreSQL database; the description names the URL with its password hidden.
        case .unreachable, .credentialsRefused, .noSuchDatabase, .notMigrated, .schemaTooNew:
            self.init(.unavailable, error.description)
        }
    }
}

extension CoreContext {
    /// Runs a storage write on a thread of its own (it may wait for another process's write), as a `ServiceError`.
    func storeOffThread<T: Sendable>(
        _ body: @escaping @Sendable () throws(StorageError) -> T
    ) async throws(ServiceError) -> T {
        do {
            return try await onOwnThread { try body() }
        } catch let error as StorageError {
            throw ServiceError(error)
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(.internal, "storage: \(error)")
        }
    }
}
