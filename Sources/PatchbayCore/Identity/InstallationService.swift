import Foundation
import Storage

/// The installation as a whole: its administrators and its settings (issue 15 item 1).
///
/// Installation administrators are the user `patchbay init` created and whoever an administrator promotes. Only
/// they issue tokens for other users, add an existing user to a workspace, create workspaces (unless
/// `workspace_creation` is `everyone`) and rotate the keys, since each of those reaches beyond one workspace.
package struct InstallationService: Sendable {
    let context: CoreContext

    package init(context: CoreContext) {
        self.context = context
    }

    /// The settings and their allowed values. `workspace_creation`: who may create workspaces.
    package static let settings: [String: Set<String>] = ["workspace_creation": ["admins", "everyone"]]
    package static let defaults = ["workspace_creation": "admins"]

    /// Whether the caller is an installation administrator (`GET /v1/me` says so).
    package func isAdmin(_ caller: Caller) throws(ServiceError) -> Bool {
        try context.isInstallationAdmin(caller)
    }

    package func admins(_ caller: Caller) throws(ServiceError) -> [UserSummary] {
        try context.requireInstallationAdmin(caller, to: "list installation administrators")
        return try context.store { () throws(StorageError) in try context.database.installationAdmins() }
            .map(UserSummary.init)
    }

    /// Makes `userName` an installation administrator, or (with `isAdmin` false) no longer one. The last one
    /// stays: an installation without administrators could never rotate its keys again.
    package func setAdmin(
        _ caller: Caller,
        userName: String,
        isAdmin: Bool
    ) async throws(ServiceError) -> UserSummary {
        try await context.write { () throws(ServiceError) in
            try context.requireInstallationAdmin(caller, to: isAdmin ? "promote users" : "demote administrators")
            return UserSummary(
                try context.store { () throws(StorageError) in
                    try context.database.setInstallationAdmin(
                        userName: userName,
                        isAdmin: isAdmin,
                        actorID: caller.userID,
                        now: context.clock()
                    )
                }
            )
        }
    }

    /// Every setting with its current value (the default when never set).
    package func settings(_ caller: Caller) throws(ServiceError) -> [String: String] {
        var values = Self.defaults
        for name in Self.settings.keys {
            if let stored = try context.store({ () throws(StorageError) in
                try context.database.installationSetting(named: name)
            }) {
                values[name] = stored
            }
        }
        return values
    }

    package func set(_ caller: Caller, setting name: String, to value: String) async throws(ServiceError) {
        try await context.write { () throws(ServiceError) in
            try context.requireInstallationAdmin(caller, to: "change installation settings")
            guard let allowed = Self.settings[name] else {
                throw ServiceError(
                    .invalidArgument,
                    "setting '\(name)': unknown; use one of \(Self.settings.keys.sorted().joined(separator: ", "))"
                )
            }
            guard allowed.contains(value) else {
                throw ServiceError(
                    .invalidArgument,
                    "setting \(name): '\(value)' is not allowed; use one of \(allowed.sorted().joined(separator: ", "))"
                )
            }
            try context.store { () throws(StorageError) in
                try context.database.setInstallationSetting(
                    named: name,
                    value: value,
                    actorID: caller.userID,
                    now: context.clock()
                )
            }
        }
    }

    /// Whether `caller` may create a workspace: an administrator, or anyone when the setting says so.
    func mayCreateWorkspaces(_ caller: Caller) throws(ServiceError) -> Bool {
        if try context.isInstallationAdmin(caller) { return true }
        let setting = try context.store { () throws(StorageError) in
            try context.database.installationSetting(named: "workspace_creation")
        }
        return setting == "everyone"
    }
}

extension CoreContext {
    func isInstallationAdmin(_ caller: Caller) throws(ServiceError) -> Bool {
        try store { () throws(StorageError) in try database.isInstallationAdmin(userID: caller.userID) }
    }

    /// Refuses unless `caller` is an installation administrator; `action` completes "only an installation
    /// administrator may …".
    func requireInstallationAdmin(_ caller: Caller, to action: String) throws(ServiceError) {
        guard try isInstallationAdmin(caller) else {
            throw ServiceError(
                .permissionDenied,
                "installation: only an installation administrator may \(action); ask one (the user `patchbay init` "
                    + "created, or one they promoted with `patchbay admins add`)"
            )
        }
    }
}
