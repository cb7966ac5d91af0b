import Foundation
import GRDB
import PatchbayTestSupport
import Testing

@testable import Storage

@Suite struct MigrationTests {
    @Test func emptyFileGetsEveryStepInOrder() throws {
        try withTemporaryDirectorySync(prefix: "patchbay-storage") { directory in
            let store = try SQLiteStore(path: directory.file("patchbay.sqlite"))
            let applied = try store.writer.read { db in
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            }
            #expect(applied == SchemaStep.all.map(\.id))
            #expect(try store.userCount() == 0)
            let tables = try store.writer.read { db in
                try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            let expected: Set<String> = [
                WorkspaceRecord.databaseTableName, UserRecord.databaseTableName, MembershipRecord.databaseTableName,
                APITokenRecord.databaseTableName, IntegrationRecord.databaseTableName, NetworkRecord.databaseTableName,
                SyncRunRecord.databaseTableName, CountsRecord.databaseTableName, AuditEntryRecord.databaseTableName,
            ]
            #expect(expected.isSubset(of: tables))
        }
    }

    /// A file written by the first shipped schema, with data in every table, opens and reads back through today's
    /// store: each later step upgrades it in place and loses nothing.
    @Test func fileOfTheFirstSchemaUpgradesWithItsData() throws {
        try withTemporaryDirectorySync(prefix: "patchbay-storage") { directory in
            let path = directory.file("patchbay.sqlite")
            let old = try DatabaseQueue(path: path)
            try SchemaStep.migrator.migrate(old, upTo: "v1")
            try old.write { db in try db.execute(sql: Self.firstSchemaRows) }
            try old.close()

            let store = try SQLiteStore(path: path)
            let applied = try store.writer.read { db in
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            }
            #expect(applied == SchemaStep.all.map(\.id))
            let owner = try #require(try store.user(named: "olivia"))
            #expect(try store.workspaces(forUser: owner.id ?? 0).map(\.role) == [.owner])
            #expect(try store.useToken(hash: "hash-1", now: Date(timeIntervalSince1970: 1_800_000_000))?.name == "cli")
            let integration = try #require(try store.integration(id: 1))
            #expect(integration.lastSyncStatus == .succeeded)
            #expect(integration.credentialsCiphertext == Data([0xDE, 0xAD]))
            let networks = try store.networks(NetworkFilter(workspaceID: 1), limit: 10)
            #expect(networks.map(\.network.externalID) == ["N_1", "N_2"])
            #expect(networks.map(\.network.provisioningStatus) == [.active, .removed])
            #expect(networks.first?.integrationName == "HQ")
            #expect(try store.syncRuns(integrationID: 1).map(\.removed) == [1])
            #expect(try store.cachedCounts(integrationIDs: [1])[1]?.accessPoints == 7)
            #expect(try store.auditEntries(workspaceID: 1).map(\.action) == ["init"])
        }
    }

    @Test func reopeningACurrentFileKeepsItsData() throws {
        try withTemporaryDirectorySync(prefix: "patchbay-storage") { directory in
            let path = directory.file("patchbay.sqlite")
            _ = try SQLiteStore(path: path)
                .bootstrap(ownerName: "o", workspaceName: "kept", tokenName: "t", tokenHash: "h", now: Date())
            let reopened = try SQLiteStore(path: path)
            #expect(try reopened.workspace(named: "kept") != nil)
        }
    }

    @Test func unreadableFileIsRefusedWithItsPath() throws {
        try withTemporaryDirectorySync(prefix: "patchbay-storage") { directory in
            let path = try directory.write("not a database, just text that is long enough to be a header", to: "x")
            #expect {
                try SQLiteStore(path: path)
            } throws: { error in
                guard let error = error as? StorageError, case .cannotOpen = error.reason else { return false }
                return error.description.hasPrefix(path + ": cannot open the database")
            }
        }
    }

    /// Rows as the first schema's code wrote them (dates as GRDB's text, enums as their raw strings).
    private static let firstSchemaRows = """
        INSERT INTO users (id, name, created_at) VALUES (1, 'olivia', '2026-01-01 10:00:00.000');
        INSERT INTO workspaces (id, name, created_at) VALUES (1, 'acme', '2026-01-01 10:00:00.000');
        INSERT INTO memberships (workspace_id, user_id, role, created_at)
            VALUES (1, 1, 'owner', '2026-01-01 10:00:00.000');
        INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, expires_at)
            VALUES (1, 1, 'cli', 'hash-1', '2026-01-01 10:00:00.000', '2028-01-01 00:00:00.000');
        INSERT INTO integrations (id, workspace_id, provider, name, settings, credentials_ciphertext, key_id,
            created_by, created_at, updated_at, last_sync_at, last_sync_status)
            VALUES (1, 1, 'meraki', 'HQ', '{}', X'DEAD', 'key-1', 1, '2026-01-01 10:00:00.000',
            '2026-01-01 10:00:00.000', '2026-01-02 10:00:00.000', 'succeeded');
        INSERT INTO networks (id, workspace_id, integration_id, external_id, name, organization_id, config,
            content_hash, provisioning_status, created_at, updated_at, last_seen_at)
            VALUES (1, 1, 1, 'N_1', 'One', 'org', '{}', 'h1', 'active', '2026-01-02 10:00:00.000',
            '2026-01-02 10:00:00.000', '2026-01-02 10:00:00.000'),
            (2, 1, 1, 'N_2', 'Two', NULL, '{}', 'h2', 'removed', '2026-01-02 10:00:00.000',
            '2026-01-02 10:00:00.000', '2026-01-02 10:00:00.000');
        INSERT INTO sync_runs (integration_id, status, started_at, finished_at, created, updated, unchanged, removed,
            duration_ms) VALUES (1, 'succeeded', '2026-01-02 10:00:00.000', '2026-01-02 10:00:01.000', 2, 0, 0, 1, 1000);
        INSERT INTO integration_counts (integration_id, networks, access_points, fetched_at)
            VALUES (1, 2, 7, '2026-01-02 10:00:00.000');
        INSERT INTO audit_log (workspace_id, user_id, action, target, at)
            VALUES (1, 1, 'init', 'workspace:1', '2026-01-01 10:00:00.000');
        """
}
