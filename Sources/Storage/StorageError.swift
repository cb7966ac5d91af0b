/// A storage failure, named by what was being stored. Never carries a statement's arguments (they may be secret).
package struct StorageError: Error, CustomStringConvertible {
    package enum Reason: Sendable {
        case cannotOpen(String)
        case notFound(String)
        case conflict(String)
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
        case .failed(let detail): "\(path): \(detail)"
        }
    }
}
