import GRDB

/// The one funnel from GRDB errors to `StorageError`, so no caller handles database errors of its own.
extension PatchbayDatabase {
    func read<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try writer.read(body)
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(path: path, reason: .failed(Self.describe(error)))
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try writer.write(body)
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(path: path, reason: .failed(Self.describe(error)))
        }
    }

    func requireID(_ id: Int64?) throws -> Int64 {
        guard let id else { throw StorageError(path: path, reason: .failed("a row was inserted without an id")) }
        return id
    }

    /// GRDB's own description without statement arguments (they may carry secrets; GRDB hides them by default too).
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_BUSY {
                return
                    "the database stayed busy: waited \(PatchbayDatabase.writeWaitSeconds) s for another Patchbay process to finish writing; nothing was changed, try again"
            }
            return "database error \(error.resultCode.rawValue): \(error.message ?? "unknown")"
        }
        return "\(error)"
    }
}
