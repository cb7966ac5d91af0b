import Foundation
package import GRDB

/// The embedded SQLite store, Patchbay's zero-set-up backend: owns the connection pool and migrates on open.
package final class SQLiteStore: PatchbayStore {
    package let writer: DatabasePool
    package let path: String
    /// How long a write waits for another process's write before giving up with `.busy` (exit 75, "try again").
    package static let writeWaitSeconds = 15

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    package convenience init(path: String) throws(StorageError) {
        try self.init(path: path, busyTimeout: TimeInterval(Self.writeWaitSeconds), trace: nil)
    }

    /// `trace` sees every statement any connection runs, with its arguments inlined: for tests that pin the SQL of
    /// the hot paths, never for production (arguments may be secret).
    init(path: String, busyTimeout: TimeInterval, trace: (@Sendable (String) -> Void)?) throws(StorageError) {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another process (a second CLI, the server, a worker) may hold the write lock briefly (a sync holds it only
        // for its short apply); wait, bounded, instead of failing.
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // Deleted credentials must not linger in free pages of the file.
            try db.execute(sql: "PRAGMA main.secure_delete = ON")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Staged listings live in the writer's temporary schema (`stagingTable`): kept in memory up to 32 MiB,
            // spilled to a temporary file beyond.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA temp.cache_size = -32768") }
            if let trace {
                db.trace(options: .statement) { event in
                    if case .statement(let statement) = event { trace(statement.expandedSQL) }
                }
            }
        }
        do {
            writer = try DatabasePool(path: path, configuration: configuration)
            try SchemaStep.migrator.migrate(writer)
        } catch {
            throw StorageError(path: path, reason: .cannotOpen("\(error)"))
        }
        self.path = path
    }

    /// Opens `patchbay.sqlite` inside `directory`, creating the directory (0700) when missing and refusing one that
    /// group or others may enter. The database and its `-wal` and `-shm` files are the owner's alone (0600).
    package convenience init(directory: String) throws(StorageError) {
        try Self.prepareDirectory(directory)
        let path = (directory as NSString).appendingPathComponent("patchbay.sqlite")
        try Self.restrictFiles(of: path)
        try self.init(path: path)
    }

    /// The database file and its WAL companions, for checks that no secret reached the disk.
    package var files: [String] { [path, path + "-wal", path + "-shm"] }
}
