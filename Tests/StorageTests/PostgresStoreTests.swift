import Foundation
import PatchbayTestSupport
import Synchronization
import Testing

@testable import Storage

/// What only the PostgreSQL backend has: migrations under an advisory lock, refusing a schema it does not know,
/// naming a bad URL without its password, and jobs claimed with SKIP LOCKED by many workers at once.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PATCHBAY_TEST_SKIP_POSTGRES"] != "1"))
struct PostgresStoreTests {
    /// `make test` always runs the PostgreSQL half; only an explicit opt-out skips it, never a missing server.
    @Test func thePostgreSQLHalfRuns() throws {
        #expect(
            TestBackend.all.contains(.postgres),
            "PATCHBAY_TEST_DATABASE_URL is not set: run `scripts/pg-cluster.sh run swift test` (or `make test`)"
        )
        // Set but unreachable is a failure too.
        let database = try TestDatabase.make()
        database.drop()
    }

    @Test func urlsParseInBothFormsAndNeverShowThePassword() throws {
        let tcp = try DatabaseURL(parsing: "postgres://ops:s3cret-pw@db.example:6543/patchbay?sslmode=require")
        #expect(tcp.endpoint == .tcp(host: "db.example", port: 6543))
        #expect(tcp.user == "ops" && tcp.password == "s3cret-pw" && tcp.database == "patchbay")
        #expect(tcp.sslMode == .require)
        #expect(tcp.redacted == "postgres://ops:***@db.example:6543/patchbay?sslmode=require")
        #expect(!"\(tcp)".contains("s3cret"))

        let socket = try DatabaseURL(parsing: "postgres:///patchbay?host=/run/postgresql&user=ops")
        #expect(socket.endpoint == .socket(directory: "/run/postgresql", port: 5432))
        let encoded = try DatabaseURL(parsing: "postgres://ops@%2Frun%2Fpostgresql/patchbay")
        #expect(encoded.endpoint == .socket(directory: "/run/postgresql", port: 5432))
        #expect(encoded.user == "ops" && encoded.password == nil)

        for typo in [
            "postgress://ops:s3cret-pw@db/patchbay", "postgres://ops:s3cret-pw@db:99999/patchbay",
            "postgres://ops:s3cret-pw@db/", "postgres://ops:s3cret-pw@db/patchbay?sslmode=always",
            "postgres://ops:s3cret-pw@db/patchbay?sslmod=disable",
        ] {
            #expect {
                try DatabaseURL(parsing: typo)
            } throws: { error in
                let text = "\(error)"
                return error is DatabaseURLError && !text.contains("s3cret") && !text.contains("\n")
                    && text.contains("; ")
            }
        }
    }

    @Test func migrateIsIdempotentAndConcurrentStartersMigrateOnce() throws {
        let database = try TestDatabase.make(migrated: false)
        defer { database.drop() }
        #expect {
            try PostgresStore(url: database.url)
        } throws: { error in
            guard let error = error as? StorageError, case .notMigrated = error.reason else { return false }
            return error.description.contains("patchbay migrate") && !error.description.contains(passwordOf(database))
        }
        let reports = Mutex<[PostgresStore.MigrationReport]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            if let report = try? PostgresStore.migrate(url: database.url) {
                reports.withLock { $0.append(report) }
            }
        }
        let all = reports.withLock { $0 }
        #expect(all.count == 4)
        #expect(all.filter { !$0.applied.isEmpty }.count == 1)
        #expect(all.flatMap(\.applied) == SchemaStep.all.map(\.id))
        #expect(try PostgresStore.migrate(url: database.url).applied.isEmpty)
        _ = try PostgresStore(url: database.url)
    }

    @Test func aSchemaNewerThanThisBuildIsRefusedNamingItsVersion() throws {
        let database = try TestDatabase.make()
        defer { database.drop() }
        try database.execute("INSERT INTO patchbay_migrations (version, id) VALUES (999, 'from-the-future')")
        #expect {
            try PostgresStore(url: database.url)
        } throws: { error in
            let text = "\(error)"
            return text.contains("from-the-future") && text.contains("version \(SchemaStep.all.count + 1)")
        }
        #expect(throws: StorageError.self) { try PostgresStore.migrate(url: database.url) }
    }

    @Test func aWrongPasswordAndAnUnreachableServerAreNamedWithoutThePassword() throws {
        let server = try #require(try TestBackend.serverURL())
        var wrong = server
        wrong.password = "not-the-password-\(UUID().uuidString.prefix(6))"
        #expect {
            try PostgresStore(url: wrong)
        } throws: { error in
            guard let error = error as? StorageError, case .credentialsRefused = error.reason else { return false }
            return !error.description.contains(wrong.password ?? "-") && error.description.contains("***")
        }
        var unreachable = server
        unreachable.endpoint = .tcp(host: "127.0.0.1", port: 1)
        #expect {
            try PostgresStore(url: unreachable)
        } throws: { error in
            guard let error = error as? StorageError, case .unreachable = error.reason else { return false }
            return !error.description.contains(server.password ?? "-")
        }
        let missing = server.withDatabase("no_such_db_\(UUID().uuidString.prefix(6).lowercased())")
        #expect {
            try PostgresStore(url: missing)
        } throws: { error in
            guard let error = error as? StorageError, case .noSuchDatabase = error.reason else { return false }
            return error.description.contains("createdb")
        }
    }

    @Test func manyWorkersClaimEveryQueuedJobExactlyOnce() throws {
        try withStore(.postgres) { fixture in
            let integrations = try (0..<20).map { try fixture.integration("hq-\($0)") }
            for integration in integrations {
                _ = try fixture.store.admitSyncJob(
                    integrationID: integration.id ?? 0,
                    workspaceID: fixture.workspaceID,
                    trigger: .schedule,
                    requestedBy: nil,
                    lease: nil,
                    now: fixture.now
                )
            }
            let url = try #require(fixture.postgres).url
            let stores = try (0..<4).map { _ in try PostgresStore(url: url) }
            let claimed = Mutex<[Int64]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { worker in
                let lease = JobLease(owner: "host/\(worker)/w", duration: 30)
                while let run = try? stores[worker].claimQueuedJob(lease: lease, now: fixture.now) {
                    claimed.withLock { $0.append(run.id ?? 0) }
                }
            }
            let ids = claimed.withLock { $0 }
            #expect(ids.count == 20)
            #expect(Set(ids).count == 20)
        }
    }
}

private func passwordOf(_ database: TestDatabase) -> String {
    database.url.password ?? "\u{0}"
}
