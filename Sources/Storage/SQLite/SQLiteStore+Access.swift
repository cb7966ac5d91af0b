import GRDB

/// The one funnel from GRDB errors to `StorageError`, so no caller handles database errors of its own.
extension SQLiteStore {
    func read<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw storageError(error)
        }
    }

    /// One SELECT without BEGIN and COMMIT around it: a single statement reads one snapshot on its own. For the
    /// per-request reads, where the transaction's two extra statements cost as much as the query; anything that
    /// reads twice needs `read`.
    func readOne<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try writer.unsafeRead(body)
        } catch {
            throw storageError(error)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try writer.write(body)
        } catch {
            throw storageError(error)
        }
    }

    /// Runs a write whose body also calls the caller's code: the caller's own errors come back untouched, database
    /// errors as `StorageError`s.
    func writeRethrowing<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch let error as DatabaseError {
            throw storageError(error)
        }
    }

    func requireID(_ id: Int64?) throws -> Int64 {
        guard let id else { throw StorageError(path: path, reason: .failed("a row was inserted without an id")) }
        return id
    }

    /// GRDB's own description without statement arguments (they may carry secrets; GRDB hides them by default too).
    func storageError(_ error: any Error) -> StorageError {
        switch error {
        case let error as StorageError:
            return error
        case let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED:
            return StorageError(path: path, reason: .busy)
        case let error as DatabaseError:
            return StorageError(
                path: path,
                reason: .failed("database error \(error.resultCode.rawValue): \(error.message ?? "unknown")")
            )
        default:
            return StorageError(path: path, reason: .failed("\(error)"))
        }
    }
}
