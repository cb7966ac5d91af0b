package import Foundation
package import Logging
import PostgresNIO

/// Creating and dropping whole databases on a server: for tests (a fresh database per test, cloned from a migrated
/// template) and benchmarks. `admin` names any database the user may connect to (usually `postgres`).
package enum PostgresAdmin {
    /// Runs `body` on a connection to `admin`'s database.
    private static func withAdminSession<T>(
        _ admin: DatabaseURL,
        _ body: (PGSession) throws -> T
    ) throws(StorageError) -> T {
        let logger = Logger(label: "patchbay.postgres.admin")
        let pool = try PostgresConnectionPool(url: admin, maximumConnections: 1, waitSeconds: 30, logger: logger)
        let connection = try PostgresStore.connect(pool)
        defer { _ = try? pool.wait(connection.close()) }
        do {
            return try body(PGSession(connection: connection, pool: pool, logger: logger))
        } catch {
            throw PostgresStore.openError(error, url: admin)
        }
    }

    /// A migrated database named `template` (created and migrated once, under an advisory lock, by whichever
    /// caller comes first), then a new database `name` cloned from it: far faster than migrating each one.
    package static func createMigratedDatabase(
        admin: DatabaseURL,
        name: String,
        template: String
    )
        throws(StorageError) -> DatabaseURL
    {
        try withAdminSession(admin) { db in
            // Only making the template is serialized; clones of an existing one run side by side.
            if try !databaseExists(db, template) {
                try db.execute("SELECT pg_advisory_lock(\(PostgresStore.migrationLock + 1))")
                defer { _ = try? db.execute("SELECT pg_advisory_unlock(\(PostgresStore.migrationLock + 1))") }
                if try !databaseExists(db, template) {
                    // Built under another name and renamed once migrated: a template that exists is a complete one.
                    let building = template + "_building"
                    try db.execute(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(quoted(building)) WITH (FORCE)"))
                    try db.execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(quoted(building))"))
                    _ = try PostgresStore.migrate(url: admin.withDatabase(building))
                    try db.execute(
                        PostgresQuery(unsafeSQL: "ALTER DATABASE \(quoted(building)) RENAME TO \(quoted(template))")
                    )
                }
            }
            try db.execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(quoted(name)) TEMPLATE \(quoted(template))"))
        }
        return admin.withDatabase(name)
    }

    private static func databaseExists(_ db: PGSession, _ name: String) throws -> Bool {
        try db.value("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = \(name))", as: Bool.self) == true
    }

    /// An empty database (no schema): for tests of `migrate` and of a database without migrations.
    package static func createDatabase(admin: DatabaseURL, name: String) throws(StorageError) -> DatabaseURL {
        try withAdminSession(admin) { db in
            try db.execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(quoted(name))"))
        }
        return admin.withDatabase(name)
    }

    /// Drops `name`, disconnecting whoever is still connected.
    package static func dropDatabase(admin: DatabaseURL, name: String) throws(StorageError) {
        try withAdminSession(admin) { db in
            try db.execute(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(quoted(name)) WITH (FORCE)"))
        }
    }

    /// Runs one statement of the caller's on `url` (tests: raw SQL a store would never run).
    package static func execute(_ sql: String, on url: DatabaseURL) throws(StorageError) -> Int {
        try withAdminSession(url) { db in try db.execute(PostgresQuery(unsafeSQL: sql)) }
    }

    /// The first column of each row of `sql`, as text.
    package static func column(_ sql: String, on url: DatabaseURL) throws(StorageError) -> [String?] {
        try withAdminSession(url) { db in
            try db.all(PostgresQuery(unsafeSQL: sql)) { row in try row.first(as: String?.self) }
        }
    }

    /// The name of the template every test database of this schema is cloned from.
    package static var templateName: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in SchemaStep.all.map({ $0.id + $0.postgres }).joined().utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return "patchbay_template_\(String(hash, radix: 16))"
    }

    private static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
