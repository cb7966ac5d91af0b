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
        case .busy: "\(path): the database is busy (another Patchbay process holds the write lock); try again"
        case .exposedDirectory(let mode):
            "\(path): the data directory is open to group or others (mode \(String(mode, radix: 8))); run `chmod 700 \(path)`"
        case .failed(let detail): "\(path): \(detail)"
        }
    }
}
