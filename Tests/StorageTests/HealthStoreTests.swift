import Foundation
import GRDB
import PatchbayTestSupport
import Testing

@testable import Storage

/// What `/readyz` and `/metrics` read from the store.
@Suite struct HealthStoreTests {
    @Test(arguments: TestBackend.all) func queueSnapshotCountsLiveJobsAndDatesTheOldestQueuedOne(
        _ backend: TestBackend
    ) throws {
        try withStore(backend) { fixture in
            #expect(
                try fixture.store.queueSnapshot(now: fixture.now)
                    == QueueSnapshot(queued: 0, running: 0, oldestQueuedAt: nil)
            )
            let first = try fixture.integration("first")
            let second = try fixture.integration("second")
            let third = try fixture.integration("third")
            let queuedAt = fixture.now.addingTimeInterval(-90)
            for integration in [first, second] {
                _ = try fixture.store.admitSyncJob(
                    integrationID: integration.id ?? 0,
                    workspaceID: fixture.workspaceID,
                    trigger: .schedule,
                    requestedBy: nil,
                    lease: nil,
                    now: integration.id == first.id ? queuedAt : fixture.now
                )
            }
            _ = try fixture.startJob(third, at: fixture.now)
            let snapshot = try fixture.store.queueSnapshot(now: fixture.now)
            #expect(snapshot.queued == 2)
            #expect(snapshot.running == 1)
            #expect(snapshot.oldestQueuedAt == queuedAt)
        }
    }

    @Test func aStoreIsReadyOnlyAtTheSchemaThisBuildKnows() throws {
        try withStore { fixture in
            try fixture.store.checkReadiness()
            let sqlite = try #require(fixture.sqlite)
            let last = SchemaStep.all[SchemaStep.all.count - 1].id
            // A step this build knows but the file lacks: an older Patchbay's database, not yet migrated.
            try sqlite.writer.write { db in
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [last])
            }
            #expect(throws: StorageError.self) { try fixture.store.checkReadiness() }
            // A step this build has never heard of: a newer Patchbay migrated the file.
            try sqlite.writer.write { db in
                try db.execute(
                    sql: "INSERT INTO grdb_migrations (identifier) VALUES (?), ('v99-from-the-future')",
                    arguments: [last]
                )
            }
            let newer = #expect(throws: StorageError.self) { try fixture.store.checkReadiness() }
            #expect(newer?.description.contains("newer") == true)
        }
    }

    @Test(.enabled(if: TestBackend.all.contains(.postgres)))
    func aPostgresStoreIsReadyOnlyAtTheSchemaThisBuildKnows() throws {
        try withStore(.postgres) { fixture in
            let database = try #require(fixture.postgres)
            try fixture.store.checkReadiness()
            let last = SchemaStep.all[SchemaStep.all.count - 1].id
            try database.execute("DELETE FROM patchbay_migrations WHERE id = '\(last)'")
            let behind = #expect(throws: StorageError.self) { try fixture.store.checkReadiness() }
            #expect(behind?.description.contains("patchbay migrate") == true)
            try database.execute(
                "INSERT INTO patchbay_migrations (version, id) VALUES (\(SchemaStep.all.count), '\(last)'), (99, 'v99-from-the-future')"
            )
            let newer = #expect(throws: StorageError.self) { try fixture.store.checkReadiness() }
            #expect(newer?.description.contains("newer") == true)
        }
    }
}
