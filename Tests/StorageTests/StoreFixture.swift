import Foundation
import PatchbayTestSupport
import Synchronization

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

/// A fresh SQLite store in a temp folder, bootstrapped with an owner and a workspace, its statements logged.
struct StoreFixture {
    let store: SQLiteStore
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

    /// Runs one sync of `networks`, handed over in pages of `pageSize`.
    @discardableResult
    func sync(
        _ integration: IntegrationRecord,
        _ networks: [SyncedNetwork],
        pageSize: Int = 2,
        at date: Date? = nil
    ) throws -> SyncRunRecord {
        let run = try store.startSyncRun(
            integrationID: integration.id ?? 0,
            workspaceID: integration.workspaceID,
            actorID: ownerID,
            now: date ?? now
        )
        return try store.applySync(
            run: run,
            workspaceID: integration.workspaceID,
            pages: ScriptedPages(networks, pageSize: pageSize),
            clock: { date ?? now }
        )
    }
}

func withStore<T>(busyTimeout: TimeInterval = 10, _ body: (StoreFixture) throws -> T) throws -> T {
    try withTemporaryDirectorySync(prefix: "patchbay-storage") { directory in
        try body(try StoreFixture(directory: directory, busyTimeout: busyTimeout))
    }
}

func withTemporaryStore<T>(_ body: (StoreFixture) async throws -> T) async throws -> T {
    try await withTemporaryDirectory(prefix: "patchbay-storage") { directory in
        try await body(try StoreFixture(directory: directory, busyTimeout: 10))
    }
}

extension StoreFixture {
    init(directory: TemporaryDirectory, busyTimeout: TimeInterval) throws {
        let log = StatementLog()
        let store = try SQLiteStore(
            path: directory.file("patchbay.sqlite"),
            busyTimeout: busyTimeout,
            trace: { log.record($0) }
        )
        let (workspace, owner) = try store.bootstrap(
            ownerName: "owner",
            workspaceName: "acme",
            tokenName: "initial",
            tokenHash: "hash-initial",
            now: Date(timeIntervalSince1970: 1_800_000_000)
        )
        self.init(store: store, log: log, directory: directory, owner: owner, workspace: workspace)
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

/// A listing handed to a sync page by page; `failure` is thrown instead of the page after `failAfterPages`.
final class ScriptedPages: NetworkPageSource {
    private var pages: [[SyncedNetwork]]
    private let failure: (any Error)?
    private let failAfterPages: Int
    private var served = 0

    init(_ networks: [SyncedNetwork], pageSize: Int, failure: (any Error)? = nil, failAfterPages: Int = 0) {
        pages = stride(from: 0, to: networks.count, by: pageSize).map {
            Array(networks[$0..<min($0 + pageSize, networks.count)])
        }
        self.failure = failure
        self.failAfterPages = failAfterPages
    }

    func nextPage() throws -> [SyncedNetwork]? {
        if let failure, served == failAfterPages { throw failure }
        guard !pages.isEmpty else { return nil }
        served += 1
        return pages.removeFirst()
    }
}

/// The error a failing listing throws; a sync must hand it back as it was.
struct ListingFailed: Error, Equatable {}
