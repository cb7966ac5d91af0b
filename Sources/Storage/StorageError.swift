/// A storage failure, named by what was being stored. Never carries a statement's arguments (they may be secret).
package struct StorageError: Error, CustomStringConvertible {
    package enum Reason: Sendable, Equatable {
        case cannotOpen(String)
        case notFound(String)
        case conflict(String)
        /// Another process held the write lock past the busy timeout; the same call may succeed later.
        case busy
        /// The data directory lets group or others in (its mode, e.g. 0o755): token hashes, ciphertexts and the
        /// audit log would be theirs to read.
        case exposedDirectory(mode: Int)
        case failed(String)
        /// PostgreSQL (issue 12): the server did not answer at the URL's host and port (or socket).
        case unreachable(String)
        /// PostgreSQL: the server refused the URL's user or password.
        case credentialsRefused(String)
        /// PostgreSQL: the server has no database of that name.
        case noSuchDatabase(String)
        /// PostgreSQL: the schema is missing or behind this build (`patchbay migrate` brings it up).
        case notMigrated(String)
        /// PostgreSQL: a newer Patchbay migrated the database past what this build knows.
        case schemaTooNew(version: Int, known: Int, firstUnknown: String)
    }

    package let path: String
    package let reason: Reason

    package init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    package var description: String {
        switch reason {
        case .cannotOpen(let detail):
            "\(path): cannot open the database: \(detail); check the data directory's permissions and free space"
        case .notFound(let what): "\(path): \(what) not found"
        case .conflict(let what): "\(path): \(what)"
        case .busy:
            "\(path): the database stayed busy (another Patchbay process held the write lock past the wait) and nothing was changed; try again"
        case .exposedDirectory(let mode):
            "\(path): the data directory is open to group or others (mode \(String(mode, radix: 8))); run `chmod 700 \(path)`"
        case .failed(let detail): "\(path): \(detail)"
        case .unreachable(let detail):
            "\(path): cannot reach the database server (\(detail)); check the host and port, and that PostgreSQL is running and accepts connections from here"
        case .credentialsRefused(let detail):
            "\(path): the server refused the user or password (\(detail)); check the URL's credentials"
        case .noSuchDatabase(let name):
            "\(path): the server has no database '\(name)'; create it (`createdb \(name)`) or fix the URL's database name"
        case .notMigrated(let detail):
            "\(path): \(detail); run `patchbay migrate --database URL` first"
        case .schemaTooNew(let version, let known, let step):
            "\(path): the database's schema is at version \(version) (step '\(step)'), newer than the \(known) this Patchbay knows; run the Patchbay that migrated it, or a newer one"
        }
    }
}
