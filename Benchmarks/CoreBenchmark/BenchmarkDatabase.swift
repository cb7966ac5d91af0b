import Foundation
import Storage
import Synchronization

/// `--database URL` names a PostgreSQL server the benchmark may create databases on (issue 12): each part then runs
/// on a fresh database of its own, cloned from a migrated template and dropped at the end. Without it, SQLite in
/// temp folders as before.
let benchmarkArguments: (positional: [String], server: DatabaseURL?) = {
    var arguments = Array(CommandLine.arguments.dropFirst())
    guard let flag = arguments.firstIndex(of: "--database"), flag + 1 < arguments.count else { return (arguments, nil) }
    let text = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
    do {
        return (arguments, try DatabaseURL(parsing: text))
    } catch {
        fatalError("--database: \(error)")
    }
}()

private let createdDatabases = Mutex<[String]>([])

/// A fresh migrated database on the `--database` server, or nil (SQLite) without one.
func freshBenchmarkDatabase(_ label: String) throws -> DatabaseURL? {
    guard let server = benchmarkArguments.server else { return nil }
    let name = "bench_\(label)_\(UUID().uuidString.prefix(8).lowercased())"
    createdDatabases.withLock { $0.append(name) }
    return try PostgresAdmin.createMigratedDatabase(admin: server, name: name, template: PostgresAdmin.templateName)
}

func dropBenchmarkDatabases() {
    guard let server = benchmarkArguments.server else { return }
    for name in createdDatabases.withLock({ $0 }) { try? PostgresAdmin.dropDatabase(admin: server, name: name) }
}

var benchmarkBackend: String { benchmarkArguments.server == nil ? "SQLite" : "PostgreSQL" }
