import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// Runs a FakeMeraki on `127.0.0.1:0` for the duration of `body`, then stops it.
package func withFakeMeraki<Result: Sendable>(
    _ dataset: FakeMerakiDataset = .generated(organizations: 3, networksPerOrganization: 7),
    _ body: (FakeMeraki) async throws -> Result
) async throws -> Result {
    let fake = FakeMeraki(dataset)
    let router = Router()
    router.get("**") { request, _ -> Response in
        let answer = fake.respond(
            path: request.uri.path,
            query: request.uri.query,
            authority: request.head.authority ?? "",
            authorization: request.headers[.authorization]
        )
        return answer.hummingbirdResponse
    }
    var logger = Logger(label: "FakeMeraki")
    logger.logLevel = .critical
    let (started, startedContinuation) = AsyncStream<Int>.makeStream()
    let app = Application(
        router: router,
        configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "FakeMeraki"),
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

extension FakeResponse {
    var hummingbirdResponse: Response {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
