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
    return try await withLoopbackApplication(router.buildResponder(), name: "FakeMist") { port in
        fake.state.withLock { $0.port = port }
        return try await body(fake)
    }
}
