package import Foundation
package import Logging
import PostgresNIO

/// The PostgreSQL backend (issue 12): the same interface and semantics as `SQLiteStore`, for several `patchbay`
/// processes on several machines sharing one database. Jobs are claimed with `FOR UPDATE SKIP LOCKED`, rate budgets
/// live in `rate_buckets`, a sync's apply is a few set-based statements in one transaction.
///
/// Opening never migrates: `patchbay migrate` does (`PostgresStore.migrate`), once, under an advisory lock. A store
/// refuses a database whose schema is behind or ahead of this build, saying what to run.
package final class PostgresStore: PatchbayStore {
    package let url: DatabaseURL
    let pool: PostgresConnectionPool
    let logger: Logger
    /// How long a statement waits for a row another process holds before the store reports itself busy.
    package static let writeWaitSeconds = 15

    /// Connects to `url` and checks that its schema is the one this build knows. `maximumConnections` bounds what
    /// this process holds open (the server's `max_connections` is shared by every instance).
    package init(
        url: DatabaseURL,
        maximumConnections: Int = 8,
        logger: Logger = Logger(label: "patchbay.postgres")
    ) throws(StorageError) {
        self.url = url
        self.logger = logger
        pool = try PostgresConnectionPool(
            url: url,
            maximumConnections: maximumConnections,
            waitSeconds: Double(Self.writeWaitSeconds),
            logger: logger
        )
        try checkSchema()
    }

    deinit {
        pool.close()
    }

    /// The URL as every message shows it.
    var path: String { url.redacted }
}
