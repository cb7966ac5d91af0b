package import Foundation
package import Logging
import PostgresNIO

/// Versioned migrations from `SchemaStep.all` (their PostgreSQL forms), recorded in `patchbay_migrations`.
extension PostgresStore {
    /// Any constant both every instance and nothing else uses: the advisory lock `migrate` holds.
    static let migrationLock: Int64 = 0x7061_7463_6862_6179  // "patchbay"

    /// What `migrate` did: the steps it applied (none when the database was current).
    package struct MigrationReport: Sendable, Equatable {
        package var applied: [String]
        package var version: Int
    }

    /// Applies every step the database lacks, in one transaction under an advisory lock: instances starting at once
    /// migrate exactly once (the others wait, then find nothing to do). Idempotent. Refuses a database migrated by
    /// a newer Patchbay.
    package static func migrate(
        url: DatabaseURL,
        logger: Logger = Logger(label: "patchbay.postgres")
    )
        throws(StorageError) -> MigrationReport
    {
        let pool = try PostgresConnectionPool(url: url, maximumConnections: 1, waitSeconds: 15, logger: logger)
        defer { pool.close() }
        let connection = try connect(pool)
        defer { _ = try? pool.wait(connection.close()) }
        let session = PGSession(connection: connection, pool: pool, logger: logger)
        do {
            try session.execute("BEGIN")
            try session.execute("SELECT pg_advisory_xact_lock(\(migrationLock))")
            try session.execute(
                """
                CREATE TABLE IF NOT EXISTS patchbay_migrations (
                    version INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """
            )
            let done = try appliedSteps(session)
            try refuseNewer(done, url: url)
            var applied: [String] = []
            for (index, step) in SchemaStep.all.enumerated() where !done.contains(step.id) {
                try session.executeScript(step.postgres)
                try session.execute(
                    "INSERT INTO patchbay_migrations (version, id) VALUES (\(index + 1), \(step.id))"
                )
                applied.append(step.id)
            }
            try session.execute("COMMIT")
            return MigrationReport(applied: applied, version: SchemaStep.all.count)
        } catch {
            _ = try? session.execute("ROLLBACK")
            throw openError(error, url: url)
        }
    }

    /// Refuses a database this build cannot use: not migrated, behind, or ahead of it.
    func checkSchema() throws(StorageError) {
        let connection = try Self.connect(pool)
        defer { _ = try? pool.wait(connection.close()) }
        let session = PGSession(connection: connection, pool: pool, logger: logger)
        let done: [String]
        do {
            let exists = try session.value("SELECT to_regclass('patchbay_migrations') IS NOT NULL", as: Bool.self)
            done = exists == true ? try Self.appliedSteps(session) : []
        } catch {
            throw Self.openError(error, url: url)
        }
        try Self.refuseNewer(done, url: url)
        let missing = SchemaStep.all.filter { !done.contains($0.id) }
        guard missing.isEmpty else {
            throw StorageError(
                path: url.redacted,
                reason: .notMigrated(
                    done.isEmpty
                        ? "the database has no Patchbay schema"
                        : "the database's schema is at version \(done.count) of \(SchemaStep.all.count)"
                )
            )
        }
    }

    private static func appliedSteps(_ session: PGSession) throws -> [String] {
        try session.all("SELECT id FROM patchbay_migrations ORDER BY version") { row in try row("id", as: String.self) }
    }

    private static func refuseNewer(_ done: [String], url: DatabaseURL) throws(StorageError) {
        let known = Set(SchemaStep.all.map(\.id))
        let unknown = done.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw StorageError(
                path: url.redacted,
                reason: .schemaTooNew(version: done.count, known: SchemaStep.all.count, firstUnknown: unknown[0])
            )
        }
    }

    /// A first connection, with what went wrong named for the operator: unreachable, refused credentials, no such
    /// database.
    static func connect(_ pool: PostgresConnectionPool) throws(StorageError) -> PostgresConnection {
        do {
            return try pool.connect()
        } catch {
            throw openError(error, url: pool.url)
        }
    }

    static func openError(_ error: any Error, url: DatabaseURL) -> StorageError {
        if let error = error as? StorageError { return error }
        guard let error = error as? PSQLError else {
            return StorageError(path: url.redacted, reason: .cannotOpen("\(error)"))
        }
        let state = error.serverInfo?[.sqlState]
        let message = error.serverInfo?[.message] ?? ""
        switch state {
        case "28P01", "28000":
            return StorageError(path: url.redacted, reason: .credentialsRefused(message))
        case "3D000":
            return StorageError(path: url.redacted, reason: .noSuchDatabase(url.database))
        case .some(let state):
            return StorageError(path: url.redacted, reason: .failed("database error \(state): \(message)"))
        case nil:
            return StorageError(path: url.redacted, reason: .unreachable("\(error.code)"))
        }
    }
}

/// What `/readyz` and `/metrics` ask of the store.
extension PostgresStore {
    package func checkReadiness() throws(StorageError) {
        try checkSchema()
    }

    package func queueSnapshot(now: Date) throws(StorageError) -> QueueSnapshot {
        try read { db in
            try db.one(
                """
                SELECT count(*) FILTER (WHERE status = 'queued') AS queued,
                    count(*) FILTER (WHERE status = 'running') AS running,
                    min(queued_at) FILTER (WHERE status = 'queued') AS oldest
                FROM sync_runs WHERE status IN ('queued', 'running')
                """
            ) { row in
                QueueSnapshot(queued: try row("queued"), running: try row("running"), oldestQueuedAt: try row("oldest"))
            } ?? QueueSnapshot(queued: 0, running: 0, oldestQueuedAt: nil)
        }
    }
}
