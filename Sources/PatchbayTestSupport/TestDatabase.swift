package import Foundation
import PatchbayCore
package import Storage

/// Which backend a test runs against. PostgreSQL needs a server: `PATCHBAY_TEST_DATABASE_URL` names one
/// (`make test` starts a throwaway cluster, scripts/pg-cluster.sh, and sets it).
package enum TestBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    package static let variable = "PATCHBAY_TEST_DATABASE_URL"

    /// The backends a data-touching test runs against. `PATCHBAY_TEST_BACKEND` picks one (`make test` runs the
    /// suites once per backend: `sqlite`, then `postgres` against its throwaway cluster); unset, SQLite and, when a
    /// server is named, PostgreSQL too. A PostgreSQL pass without a reachable server fails, never skips
    /// (`PostgresStoreTests.thePostgreSQLHalfRuns`).
    package static var all: [TestBackend] {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["PATCHBAY_TEST_BACKEND"].flatMap(TestBackend.init(rawValue:)) { return [chosen] }
        return environment[variable].map { $0.isEmpty ? [.sqlite] : [.sqlite, .postgres] } ?? [.sqlite]
    }

    package var description: String { rawValue }

    /// The server's URL from the environment; a set but malformed value is an error, not a skip.
    package static func serverURL() throws -> DatabaseURL? {
        guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else { return nil }
        return try DatabaseURL(parsing: text)
    }
}

/// A fresh PostgreSQL database for one test, cloned from a migrated template, dropped afterwards.
package struct TestDatabase: Sendable {
    package let url: DatabaseURL
    let admin: DatabaseURL

    /// Creates one on the server `PATCHBAY_TEST_DATABASE_URL` names; fails (never skips) when it is unset or the
    /// server can't be reached.
    package static func make(migrated: Bool = true) throws -> TestDatabase {
        guard let admin = try TestBackend.serverURL() else {
            throw TestDatabaseError(
                description: "\(TestBackend.variable) is not set; run the tests through scripts/pg-cluster.sh run"
            )
        }
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let url =
            migrated
            ? try PostgresAdmin.createMigratedDatabase(admin: admin, name: name, template: PostgresAdmin.templateName)
            : try PostgresAdmin.createDatabase(admin: admin, name: name)
        return TestDatabase(url: url, admin: admin)
    }

    package func drop() {
        try? PostgresAdmin.dropDatabase(admin: admin, name: url.database)
    }

    /// Raw SQL a store would never run (tests of what the database itself refuses).
    @discardableResult
    package func execute(_ sql: String) throws -> Int {
        try PostgresAdmin.execute(sql, on: url)
    }

    package func column(_ sql: String) throws -> [String?] {
        try PostgresAdmin.column(sql, on: url)
    }
}

package struct TestDatabaseError: Error, CustomStringConvertible {
    package let description: String

    package init(description: String) {
        self.description = description
    }
}

/// Runs `body` with a fresh database of `backend`: a PostgreSQL database of its own, or nil for SQLite (the test
/// then uses its temp folder). The PostgreSQL database is dropped afterwards.
package func withTestDatabase<T>(_ backend: TestBackend, _ body: (TestDatabase?) throws -> T) throws -> T {
    guard backend == .postgres else { return try body(nil) }
    let database = try TestDatabase.make()
    defer { database.drop() }
    return try body(database)
}

package func withTestDatabase<T>(_ backend: TestBackend, _ body: (TestDatabase?) async throws -> T) async throws -> T {
    guard backend == .postgres else { return try await body(nil) }
    let database = try TestDatabase.make()
    defer { database.drop() }
    return try await body(database)
}
