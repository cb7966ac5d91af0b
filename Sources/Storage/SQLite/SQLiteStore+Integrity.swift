import GRDB

extension SQLiteStore {
    /// `PRAGMA integrity_check`: `["ok"]` for a sound file, else SQLite's list of problems.
    package func integrityCheck() throws(StorageError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}
