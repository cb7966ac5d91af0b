import Foundation
import PatchbayTestSupport
import Synchronization
import Testing

@testable import Storage

/// Statements a store ran, as SQL with their arguments inlined.
final class StatementLog: Sendable {
    private let statements = Mutex<[String]>([])

    func record(_ sql: String) {
        statements.withLock { $0.append(sql) }
    }

    /// The statements run while `body` ran.
    func capture(_ body: () throws -> Void) rethrows -> [String] {
        statements.withLock { $0.removeAll() }
        try body()
        return statements.withLock { $0 }
    }
}

/// A fresh store of one backend, bootstrapped with an owner and a workspace: SQLite in a temp folder (its statements
/// logged), or a PostgreSQL database of its own.
struct StoreFixture {
    let store: any PatchbayStore
    /// The same store when it is SQLite: for tests of its SQL, files and locks.
    let sqlite: SQLiteStore?
    /// The test's own database when the store is PostgreSQL.
    let postgres: TestDatabase?
    let log: StatementLog
    let directory: TemporaryDirectory
    let owner: UserRecord
    let workspace: WorkspaceRecord
    /// A fixed clock: stored dates round to the millisecond, so tests compare against whole seconds.
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    var ownerID: Int64 { owner.id ?? 0 }
    var workspaceID: Int64 { workspace.id ?? 0 }

    /// Creates an integration whose envelope names its own id, as the real cipher's additional data does.
    @discardableResult
    func integration(_ name: String = "HQ", workspaceID: Int64? = nil) throws -> IntegrationRecord {
        try store.insertIntegration(
            IntegrationRecord(
                workspaceID: workspaceID ?? self.workspaceID,
                provider: "meraki",
                name: name,
                settings: "{}",
                credentialsCiphertext: Data(),
                keyID: "",
                createdBy: ownerID,
                createdAt: now,
                updatedAt: now
            )
        ) { id in (Data("sealed-\(id)".utf8), "key-1") }
    }

    /// Runs one sync of `networks` as a leased job: staged in pages of `pageSize`, then applied.
    @discardableResult
    func sync(
        _ integration: IntegrationRecord,
        _ networks: [SyncedNetwork],
        pageSize: Int = 2,
        at date: Date? = nil
    ) throws -> SyncRunRecord {
        let run = try startJob(integration, at: date ?? now)
        for start in stride(from: 0, to: networks.count, by: pageSize) {
            try store.stageNetworks(runID: run.id ?? 0, Array(networks[start..<min(start + pageSize, networks.count)]))
        }
        let outcome = try store.applyStaged(
            run,
            lease: lease,
            workspaceID: integration.workspaceID,
            now: date ?? now,
            jitter: 0
        )
        try store.clearStaging(runID: run.id ?? 0)
        guard case .applied(let finished) = outcome else { throw ListingFailed() }
        return finished
    }

    /// The lease the fixture's syncs run under.
    var lease: JobLease { JobLease(owner: "test/1/fixture", duration: 30) }

    /// Admits a job leased to the fixture, running at once.
    func startJob(_ integration: IntegrationRecord, at date: Date) throws -> SyncRunRecord {
        let admission = try store.admitSyncJob(
            integrationID: integration.id ?? 0,
            workspaceID: integration.workspaceID,
            trigger: .manual,
            requestedBy: ownerID,
            lease: lease,
            now: date
        )
        guard case .admitted(let run) = admission else { throw ListingFailed() }
        return run
    }
}

func withStore<T>(
    _ backend: TestBackend = .sqlite,
    busyTimeout: TimeInterval = 10,
    _ body: (StoreFixture) throws -> T
) throws -> T {
    try withTemporaryDirectorySync(prefix: "patchbay-storage") { directory in
        try withTestDatabase(backend) { database in
            try body(try StoreFixture(directory: directory, busyTimeout: busyTimeout, postgres: database))
        }
    }
}

func withTemporaryStore<T>(
    _ backend: TestBackend = .sqlite,
    _ body: (StoreFixture) async throws -> T
) async throws -> T {
    try await withTemporaryDirectory(prefix: "patchbay-storage") { directory in
        try await withTestDatabase(backend) { database in
            try await body(try StoreFixture(directory: directory, busyTimeout: 10, postgres: database))
        }
    }
}

extension StoreFixture {
    init(directory: TemporaryDirectory, busyTimeout: TimeInterval, postgres: TestDatabase?) throws {
        let log = StatementLog()
        let store: any PatchbayStore
        let sqlite: SQLiteStore?
        if let postgres {
            store = try PostgresStore(url: postgres.url)
            sqlite = nil
        } else {
            sqlite = try SQLiteStore(
                path: directory.file("patchbay.sqlite"),
                busyTimeout: busyTimeout,
                trace: { log.record($0) }
            )
            store = try #require(sqlite)
        }
        let (workspace, owner) = try store.bootstrap(
            ownerName: "owner",
            workspaceName: "acme",
            tokenName: "initial",
            tokenHash: "hash-initial",
            now: Date(timeIntervalSince1970: 1_800_000_000)
        )
        self.init(
            store: store,
            sqlite: sqlite,
            postgres: postgres,
            log: log,
            directory: directory,
            owner: owner,
            workspace: workspace
        )
    }
}

/// Network `index` of a test listing; a new `revision` changes its content and so its digest.
func upstream(_ index: Int, revision: Int = 0) -> SyncedNetwork {
    SyncedNetwork(
        externalID: "N_\(index)",
        name: "Network \(index) r\(revision)",
        organizationID: "org-1",
        config: #"{"id":"N_\#(index)","revision":\#(revision)}"#,
        contentHash: "digest-\(index)-\(revision)"
    )
}

/// The error a failing listing throws; a sync must hand it back as it was.
struct ListingFailed: Error, Equatable {}
