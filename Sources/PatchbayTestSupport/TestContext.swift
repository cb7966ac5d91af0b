package import Logging
package import PatchbayCore

/// The application opened on a temp data directory exactly as the CLI and the server open it (`CoreContext.open`):
/// a real SQLite file, a real keyring, and the providers the test or benchmark asks for.
package struct TestContext: Sendable {
    /// The temp folder; the data directory is its `data` subfolder, so a test can put a plugins.yaml beside it.
    package let folder: TemporaryDirectory
    package let context: CoreContext
    /// What the context's logger wrote, unless the caller passed a logger of its own.
    package let logs: InMemoryLogHandler.Store

    package var dataDirectory: String { folder.file("data") }

    /// Opens the application on `dataDirectory`: the one place test support and benchmarks call `CoreContext.open`.
    /// Calling it again on the same directory is what a second process would do.
    package static func open(
        dataDirectory: String,
        providers: CoreConfiguration.Providers,
        logger: Logger
    ) throws -> CoreContext {
        try CoreContext.open(
            CoreConfiguration(dataDirectory: dataDirectory, providers: providers, environment: [:], logger: logger)
        )
    }
}

/// Runs `body` with the application opened on a fresh temp data directory, then removes the directory.
/// `providers` is called with the folder, so a plugins.yaml can be written into it first.
package func withTestContext<Result>(
    prefix: String = "patchbay-core",
    logger: Logger? = nil,
    providers: (TemporaryDirectory) throws -> CoreConfiguration.Providers = { _ in .none },
    _ body: (TestContext) async throws -> Result
) async throws -> Result {
    try await withTemporaryDirectory(prefix: prefix) { folder in
        let (recording, logs) = InMemoryLogHandler.logger(label: prefix)
        let context = try TestContext.open(
            dataDirectory: folder.file("data"),
            providers: try providers(folder),
            logger: logger ?? recording
        )
        return try await body(TestContext(folder: folder, context: context, logs: logs))
    }
}
