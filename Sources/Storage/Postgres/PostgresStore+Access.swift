import Foundation
import Logging
import PostgresNIO

/// One connection, borrowed for one store method: statements run in order on it, each waited for.
struct PGSession {
    let connection: PostgresConnection
    let pool: PostgresConnectionPool
    let logger: Logger

    @discardableResult
    func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try pool.wait(connection.query(query, logger: logger))
    }

    /// Runs a schema step's statements one by one (the driver sends each as one prepared statement). Steps end
    /// each statement with `;` at the end of a line and keep semicolons out of their strings and comments, except
    /// inside a `$$`-quoted function body, which stays one statement.
    func executeScript(_ sql: String) throws {
        var statements: [String] = []
        for piece in sql.components(separatedBy: ";\n") {
            // An odd count of `$$` so far: the piece ends inside a function body, so the next one continues it.
            if let open = statements.last, open.components(separatedBy: "$$").count % 2 == 0 {
                statements[statements.count - 1] = open + ";\n" + piece
            } else {
                statements.append(piece)
            }
        }
        for statement in statements {
            var text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasSuffix(";") { text.removeLast() }
            let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
            guard !code.joined().trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            try execute(PostgresQuery(unsafeSQL: text))
        }
    }

    /// Runs a statement; the number of rows it changed.
    @discardableResult
    func execute(_ query: PostgresQuery) throws -> Int {
        try self.query(query).metadata.rows ?? 0
    }

    func all<T>(_ query: PostgresQuery, _ decode: (PGRow) throws -> T) throws -> [T] {
        try self.query(query).rows.map { try decode(PGRow($0)) }
    }

    func one<T>(_ query: PostgresQuery, _ decode: (PGRow) throws -> T) throws -> T? {
        guard let row = try self.query(query).rows.first else { return nil }
        return try decode(PGRow(row))
    }

    /// The first column of the first row.
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T? {
        try one(query) { row in try row.first(as: T.self) }
    }
}

/// The one funnel from driver errors to `StorageError`, and the transaction helpers every method goes through.
extension PostgresStore {
    /// Runs `body` outside a transaction: one statement, or reads that need no common snapshot.
    func read<T>(_ body: (PGSession) throws -> T) throws(StorageError) -> T {
        do {
            return try pool.withConnection { connection in
                try body(PGSession(connection: connection, pool: pool, logger: logger))
            }
        } catch {
            throw storageError(error)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func write<T>(_ body: (PGSession) throws -> T) throws(StorageError) -> T {
        do {
            return try writeRethrowing(body)
        } catch {
            throw storageError(error)
        }
    }

    /// A transaction whose body also runs the caller's code: the caller's own errors come back untouched, database
    /// errors as `StorageError`s.
    func writeRethrowing<T>(_ body: (PGSession) throws -> T) throws -> T {
        do {
            return try pool.withConnection { connection in
                let session = PGSession(connection: connection, pool: pool, logger: logger)
                try session.execute("BEGIN")
                let result: T
                do {
                    result = try body(session)
                } catch {
                    rollback(session)
                    throw error
                }
                try session.execute("COMMIT")
                return result
            }
        } catch let error as PSQLError {
            throw storageError(error)
        }
    }

    /// Rolls back after a failed body; a connection that cannot even do that is closed, never reused mid-transaction.
    private func rollback(_ session: PGSession) {
        do {
            try session.execute("ROLLBACK")
        } catch {
            _ = try? pool.wait(session.connection.close())
        }
    }

    /// The driver's SQLSTATE and server message only: never the statement's arguments (they may be secret), never
    /// the URL's password.
    func storageError(_ error: any Error) -> StorageError {
        switch error {
        case let error as StorageError:
            return error
        case let error as PSQLError:
            if let state = error.serverInfo?[.sqlState] {
                let message = error.serverInfo?[.message] ?? "unknown"
                switch state {
                case "23505":
                    return StorageError(path: path, reason: .conflict("already exists (\(message))"))
                case "40001", "40P01", "55P03", "57014":
                    return StorageError(path: path, reason: .busy)
                default:
                    return StorageError(path: path, reason: .failed("database error \(state): \(message)"))
                }
            }
            return StorageError(path: path, reason: .failed("the database connection failed (\(error.code))"))
        default:
            return StorageError(path: path, reason: .failed("\(error)"))
        }
    }

    func requireID(_ id: Int64?) throws -> Int64 {
        guard let id else { throw StorageError(path: path, reason: .failed("a row was inserted without an id")) }
        return id
    }

    /// Appends an audit entry in the caller's transaction.
    func audit(_ session: PGSession, _ entry: AuditEntryRecord) throws {
        try session.execute(
            """
            INSERT INTO audit_log (workspace_id, user_id, action, target, detail, at)
            VALUES (\(entry.workspaceID), \(entry.userID), \(entry.action), \(entry.target), \(entry.detail), \(entry.at))
            """
        )
    }
}
