import Foundation
import GRDB
import Testing

@testable import Storage

/// The SQL the hot paths run, captured with `db.trace` and checked with `EXPLAIN QUERY PLAN`: a query that stops
/// using its index, or starts sorting in a temp b-tree, fails here before it gets slow in production.
@Suite struct QueryPlanTests {
    /// One hot read and the index its SELECT must search.
    struct HotRead: Sendable, CustomTestStringConvertible {
        let name: String
        let index: String
        let run: @Sendable (StoreFixture, IntegrationRecord) throws -> Void

        var testDescription: String { name }
    }

    static let hotReads: [HotRead] = [
        HotRead(name: "networks page", index: "USING INDEX networks_by_workspace (workspace_id=?)") { fixture, _ in
            _ = try fixture.store.networks(NetworkFilter(workspaceID: fixture.workspaceID), limit: 100)
        },
        HotRead(name: "next networks page", index: "USING INDEX networks_by_workspace (workspace_id=? AND id>?)") {
            fixture,
            _ in
            _ = try fixture.store.networks(NetworkFilter(workspaceID: fixture.workspaceID, afterID: 10), limit: 100)
        },
        HotRead(name: "networks by status", index: "USING INDEX networks_by_workspace (workspace_id=?)") {
            fixture,
            _ in
            _ = try fixture.store.networks(
                NetworkFilter(workspaceID: fixture.workspaceID, status: .removed),
                limit: 100
            )
        },
        HotRead(name: "networks of one integration", index: "USING INDEX networks_by_workspace (workspace_id=?") {
            fixture,
            hq in
            _ = try fixture.store.networks(
                NetworkFilter(workspaceID: fixture.workspaceID, integrationID: hq.id, afterID: 5),
                limit: 100
            )
        },
        HotRead(name: "one network", index: "USING INTEGER PRIMARY KEY (rowid=?)") { fixture, _ in
            _ = try fixture.store.network(id: 3)
        },
        HotRead(name: "token lookup", index: "USING INDEX sqlite_autoindex_api_tokens_1 (token_hash=?)") {
            fixture,
            _ in
            _ = try fixture.store.useToken(hash: "hash-initial", now: fixture.now)
        },
        HotRead(
            name: "role lookup",
            index: "USING INDEX sqlite_autoindex_memberships_1 (workspace_id=? AND user_id=?)"
        ) { fixture, _ in
            _ = try fixture.store.role(ofUser: fixture.ownerID, inWorkspace: fixture.workspaceID)
        },
        HotRead(name: "token user", index: "USING INDEX sqlite_autoindex_api_tokens_1 (token_hash=?)") { fixture, _ in
            _ = try fixture.store.tokenUser(hash: "hash-initial", now: fixture.now)
        },
        HotRead(name: "session use", index: "USING INDEX sqlite_autoindex_sessions_1 (session_hash=?)") { fixture, _ in
            _ = try fixture.store.useSession(hash: "no-such-session", now: fixture.now)
        },
        HotRead(
            name: "membership by id",
            index: "USING INDEX sqlite_autoindex_memberships_1 (workspace_id=? AND user_id=?)"
        ) { fixture, _ in
            _ = try fixture.store.membership(ofUser: fixture.ownerID, in: .id(fixture.workspaceID))
        },
        HotRead(name: "membership by name", index: "USING INDEX sqlite_autoindex_workspaces_1 (name=?)") { fixture, _ in
            _ = try fixture.store.membership(ofUser: fixture.ownerID, in: .name(fixture.workspace.name))
        },
        HotRead(name: "search page", index: "USING INDEX networks_by_workspace (workspace_id=?)") { fixture, _ in
            _ = try fixture.store.searchNetworks(NetworkSearch(workspaceID: fixture.workspaceID), limit: 101)
        },
        HotRead(name: "next search page", index: "USING INDEX networks_by_workspace (workspace_id=?") {
            fixture,
            _ in
            _ = try fixture.store.searchNetworks(
                NetworkSearch(workspaceID: fixture.workspaceID, afterID: 10),
                limit: 101
            )
        },
        HotRead(name: "sync history", index: "USING INDEX sync_runs_by_integration (integration_id=?)") {
            fixture,
            hq in
            _ = try fixture.store.syncRuns(integrationID: hq.id ?? 0, limit: 20)
        },
    ]

    @Test(arguments: hotReads)
    func hotReadSearchesItsIndex(_ read: HotRead) throws {
        try withStore { fixture in
            let hq = try seed(fixture)
            let statements = try fixture.log.capture { try read.run(fixture, hq) }
            let selects = statements.filter { $0.hasPrefix("SELECT") && !$0.contains("sqlite_") }
            #expect(!selects.isEmpty)
            let plans = try selects.map { select in
                try (try #require(fixture.sqlite)).writer.read { db in
                    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + select).map { $0["detail"] as String }
                }
            }
            for (select, plan) in zip(selects, plans) {
                #expect(!plan.contains { $0.hasPrefix("SCAN") }, "full scan in \(plan) for \(select)")
                #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "sort in \(plan) for \(select)")
            }
            #expect(plans.contains { $0.contains { $0.contains(read.index) } }, "\(read.index) unused: \(plans)")
        }
    }

    /// The apply's statements (UPDATE … FROM the run's staging table, INSERT … SELECT, the `removed` UPDATE) each
    /// walk the staged listing once and find stored networks through the (integration, external id) index, never
    /// by scanning `networks`. Staging tables are the writer's own, so the plans are read on the writer, with the
    /// run's table made again after the sync dropped it.
    @Test func applySearchesTheNetworksIndex() throws {
        try withStore { fixture in
            let hq = try seed(fixture)
            var runID: Int64 = 0
            let statements = try fixture.log.capture {
                runID = try fixture.sync(hq, (0..<40).map { upstream($0, revision: $0 % 2) }).id ?? 0
            }
            let apply = networkWrites(statements)
            #expect(apply.count == 3, "\(apply)")
            let plans = try (try #require(fixture.sqlite)).writer.write { db in
                try SQLiteStore.createStaging(db, runID: runID)
                defer { try? db.execute(sql: "DROP TABLE \(SQLiteStore.stagingTable(runID))") }
                return try apply.map { statement in
                    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement).map { $0["detail"] as String }
                }
            }
            for (statement, plan) in zip(apply, plans) {
                #expect(!plan.contains { $0.hasPrefix("SCAN networks") }, "full scan in \(plan) for \(statement)")
                #expect(
                    plan.contains {
                        $0.contains("sqlite_autoindex_networks_1") || $0.contains("sqlite_autoindex_sync_staging")
                    },
                    "no index in \(plan) for \(statement)"
                )
            }
        }
    }

    /// The apply is set-based (a few statements whatever the size), so what it must not do is touch a row: an
    /// unchanged resync leaves every `updated_at` alone, a resync with three changes moves exactly three.
    @Test func unchangedResyncWritesNoNetworkRow() throws {
        try withStore { fixture in
            let hq = try seed(fixture)
            let later = fixture.now.addingTimeInterval(60)
            try fixture.sync(hq, (0..<40).map { upstream($0) }, at: later)
            #expect(try touched(fixture, at: later) == 0)

            let changed = (0..<40).map { $0 < 3 ? upstream($0, revision: 9) : upstream($0) }
            let evenLater = later.addingTimeInterval(60)
            let statements = try fixture.log.capture { try fixture.sync(hq, changed, at: evenLater) }
            #expect(try touched(fixture, at: evenLater) == 3)
            #expect(networkWrites(statements).count <= 3, "one statement per kind of change: \(statements.count)")
        }
    }

    private func touched(_ fixture: StoreFixture, at date: Date) throws -> Int {
        try (try #require(fixture.sqlite)).writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM networks WHERE updated_at = ?", arguments: [date]) ?? -1
        }
    }

    @Test func aListingPageIsOneSelect() throws {
        try withStore { fixture in
            _ = try seed(fixture)
            let statements = try fixture.log.capture {
                _ = try fixture.store.networks(NetworkFilter(workspaceID: fixture.workspaceID), limit: 100)
            }
            // GRDB reads the schema once per connection (sqlite_master, PRAGMAs); the listing itself is one SELECT.
            let selects = statements.filter { $0.hasPrefix("SELECT") && !$0.contains("sqlite_master") }
            #expect(selects.count == 1, "\(statements)")
        }
    }

    /// Enough rows in two workspaces and two integrations that the planner has choices to make.
    private func seed(_ fixture: StoreFixture) throws -> IntegrationRecord {
        let hq = try fixture.integration("HQ")
        let branch = try fixture.integration("branch")
        let globex = try fixture.store.createWorkspace(name: "globex", ownerID: fixture.ownerID, now: fixture.now)
        let theirs = try fixture.integration("theirs", workspaceID: globex.id)
        try fixture.sync(hq, (0..<40).map { upstream($0) })
        try fixture.sync(branch, (100..<130).map { upstream($0) })
        try fixture.sync(theirs, (200..<220).map { upstream($0) })
        return hq
    }

    private func networkWrites(_ statements: [String]) -> [String] {
        statements.filter {
            ($0.hasPrefix("INSERT INTO networks") || $0.hasPrefix("UPDATE networks")
                || $0.hasPrefix("UPDATE \"networks\""))
        }
    }
}
