import Foundation
package import Logging
package import PatchbayCore
package import Storage

/// The application opened on a temp data directory exactly as the CLI and the server open it (`CoreContext.open`):
/// a real SQLite file, a real keyring, and the providers the test or benchmark asks for.
package struct TestContext: Sendable {
    /// The temp folder; the data directory is its `data` subfolder, so a test can put a plugins.yaml beside it.
    package let folder: TemporaryDirectory
    package let context: CoreContext
    /// What the context's logger wrote, unless the caller passed a logger of its own.
    package let logs: InMemoryLogHandler.Store
    /// The test's PostgreSQL database, nil on SQLite.
    package var database: TestDatabase? = nil

    package var dataDirectory: String { folder.file("data") }

    /// Opens the application on `dataDirectory`: the one place test support and benchmarks call `CoreContext.open`.
    /// Calling it again on the same directory is what a second process would do.
    /// `database` names a PostgreSQL database instead (the process then gets a master key of its own through the
    /// environment, as every instance on a shared database must).
    package static func open(
        dataDirectory: String,
        database: DatabaseURL? = nil,
        providers: CoreConfiguration.Providers,
        logger: Logger
    ) throws -> CoreContext {
        try CoreContext.open(
            CoreConfiguration(
                dataDirectory: dataDirectory,
                database: database,
                providers: providers,
                environment: database == nil ? [:] : ["PATCHBAY_MASTER_KEY": testMasterKey],
                logger: logger
            )
        )
    }

    /// One master key for every PostgreSQL test context of this process: contexts opened twice on one database
    /// stand for two instances sharing it, which share the key.
    package static let testMasterKey = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
}

/// Runs `body` with the application opened on a fresh temp data directory, then removes the directory.
/// `providers` is called with the folder, so a plugins.yaml can be written into it first.
package func withTestContext<Result>(
    prefix: String = "patchbay-core",
    backend: TestBackend = .sqlite,
    logger: Logger? = nil,
    providers: (TemporaryDirectory) throws -> CoreConfiguration.Providers = { _ in .none },
    _ body: (TestContext) async throws -> Result
) async throws -> Result {
    try await withTemporaryDirectory(prefix: prefix) { folder in
        try await withTestDatabase(backend) { database in
            let (recording, logs) = InMemoryLogHandler.logger(label: prefix)
            let context = try TestContext.open(
                dataDirectory: folder.file("data"),
                database: database?.url,
                providers: try providers(folder),
                logger: logger ?? recording
            )
            return try await body(TestContext(folder: folder, context: context, logs: logs, database: database))
        }
    }
}
