import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// Runs a FakeMist on `127.0.0.1:0` for the duration of `body`, then stops it.
package func withFakeMist<Result: Sendable>(
    _ dataset: FakeMistDataset = .generated(organizations: 3, sitesPerOrganization: 5),
    _ body: (FakeMist) async throws -> Result
) async throws -> Result {
    let fake = FakeMist(dataset)
    let router = Router()
    router.get("**") { request, _ -> Response in
        fake.respond(
            path: request.uri.path,
            query: request.uri.query,
            authorization: request.headers[.authorization]
        )
        .hummingbirdResponse
    }
    var logger = Logger(label: "FakeMist")
    logger.logLevel = .critical
    let (started, startedContinuation) = AsyncStream<Int>.makeStream()
    let app = Application(
        router: router,
        configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "FakeMist"),
        onServerRunning: { channel in
            startedContinuation.yield(channel.localAddress?.port ?? 0)
            startedContinuation.finish()
        },
        logger: logger
    )
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await app.runService(gracefulShutdownSignals: []) }
        for await port in started {
            fake.state.withLock { $0.port = port }
        }
        defer { group.cancelAll() }
        return try await body(fake)
    }
}
