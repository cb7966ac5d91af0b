import Foundation
import Hummingbird
import Logging
import PatchbayCore
import PatchbayServer
import PatchbayTestSupport
import ServiceLifecycle
import Testing

/// Errors nobody mapped become a 500 whose body says nothing but the request id, while the log keeps the detail
/// under that id.
@Suite struct ErrorMiddlewareTests {
    struct Unexpected: Error {}

    @Test(arguments: [false, true])
    func unexpectedErrorsAreGeneric500sLoggedWithTheRequestID(coreInternal: Bool) async throws {
        let (logger, logs) = InMemoryLogHandler.logger(label: "errors")
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        router.get("boom") { _, _ -> Response in
            if coreInternal { throw ServiceError(.internal, "networks: database error 10: disk I/O error") }
            throw Unexpected()
        }
        let (started, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger
        )
        let services = ServiceGroup(configuration: .init(services: [app], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var port = 0
            for await value in started { port = value }
            let response = try await APIClient(port: port).send("GET", "/boom", token: nil)
            await services.triggerGracefulShutdown()
            try await group.waitForAll()

            #expect(response.status == 500)
            #expect(response.errorCode == "internal")
            #expect(!response.text.contains("disk I/O") && !response.text.contains("Unexpected"))
            let logged = try #require(logs.entries.first { $0.message == "request failed" })
            let requestID = try #require(logged.metadata["request_id"])
            #expect(response.text.contains("request \(requestID)"))
            #expect(
                "\(logged.metadata["error"] ?? "")"
                    == (coreInternal ? "networks: database error 10: disk I/O error" : "Unexpected")
            )
        }
    }
}
