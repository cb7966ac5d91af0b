import Foundation
import Logging
import PatchbayCore
import PatchbayTestSupport
import Storage

/// A temp data directory with a real SQLite file and a real keyring, an initialized owner, and scripted providers.
struct CoreTestEnvironment {
    let directory: String
    let context: CoreContext
    let owner: Caller
    let workspace: WorkspaceSummary
    let logs: InMemoryLogHandler.Store
    let providers: ScriptedDirectory

    var identity: IdentityService { IdentityService(context: context) }
    var integrations: IntegrationService { IntegrationService(context: context) }
    var provisioning: ProvisioningService { ProvisioningService(context: context) }
    var networks: NetworkService { NetworkService(context: context) }
    /// The same store as `context.database`.
    let store: any PatchbayStore
    /// The store when it is SQLite: tests that read its files and run raw SQL.
    let sqlite: SQLiteStore?
    /// The test's PostgreSQL database, nil on SQLite.
    let postgres: TestDatabase?

    /// The SQLite store, for tests of SQLite's files and SQL (they run on that backend only).
    var database: SQLiteStore {
        get throws { try requireValue(sqlite) }
    }

    /// Adds a user with `role` in `workspace` and returns them as a caller.
    func member(_ name: String, role: Role, in workspace: String? = nil) async throws -> Caller {
        let user = try await identity.addUser(
            owner,
            name: name,
            workspace: workspace ?? self.workspace.name,
            role: role
        )
        return Caller(userID: user.id, name: user.name)
    }

    /// Every byte of the database files, to prove what is or is not on disk.
    func databaseBytes() throws -> [Data] {
        try database.files.filter { FileManager.default.fileExists(atPath: $0) }.map {
            try Data(contentsOf: URL(fileURLWithPath: $0))
        }
    }

    func createIntegration(
        named name: String = "HQ",
        provider: String = "scripted",
        apiKey: String = "key-\(UUID().uuidString)",
        as caller: Caller? = nil
    ) async throws -> IntegrationSummary {
        try await integrations.create(
            caller ?? owner,
            workspace: workspace.name,
            provider: provider,
            name: name,
            credentials: ["api_key": apiKey]
        )
    }
}

func withCoreEnvironment<T>(
    _ backend: TestBackend = .sqlite,
    providers: [ScriptedProvider] = [ScriptedProvider(id: "scripted")],
    _ body: (CoreTestEnvironment) async throws -> T
) async throws -> T {
    let directoryOfProviders = ScriptedDirectory(providers)
    return try await withTestContext(backend: backend) { _ in
        .directory(directoryOfProviders)
    } _: { test in
        let issued = try await IdentityService(context: test.context).initialize(
            ownerName: "owner",
            workspaceName: "acme"
        )
        let environment = CoreTestEnvironment(
            directory: test.dataDirectory,
            context: test.context,
            owner: Caller(userID: issued.user.id, name: issued.user.name),
            workspace: try requireValue(issued.workspace),
            logs: test.logs,
            providers: directoryOfProviders,
            store: test.context.database,
            sqlite: test.context.database as? SQLiteStore,
            postgres: test.database
        )
        return try await body(environment)
    }
}

struct MissingValue: Error {}

func requireValue<T>(_ value: T?) throws -> T {
    guard let value else { throw MissingValue() }
    return value
}
