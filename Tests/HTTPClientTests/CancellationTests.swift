import HTTPClient
import PatchbayTestSupport
import Synchronization
import Testing

@Suite struct CancellationTests {
    /// Turns true a fixed time after `start()`: the cancel arrives while the client is waiting, without a test sleep.
    private final class DelayedCancel: Sendable {
        private let startedAt = Mutex<ContinuousClock.Instant?>(nil)
        let after: Duration

        init(after: Duration) {
            self.after = after
        }

        func start() {
            startedAt.withLock { $0 = $0 ?? .now }
        }

        func isCancelled() -> Bool {
            startedAt.withLock { $0 }.map { ContinuousClock.now - $0 >= after } ?? false
        }
    }

    @Test func cancelStopsABackoffWait() async throws {
        let cancel = DelayedCancel(after: .milliseconds(200))
        let handler: LoopbackHandler = { _ in
            cancel.start()
            return LoopbackResponse(status: 503, headers: [("Retry-After", "30")])
        }
        try await withLoopbackServer(handler) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort], maxBackoff: .seconds(60))
            let context = HTTPCallContext(isCancelled: { cancel.isCancelled() })

            var thrown: HTTPClientError?
            let elapsed = try await ContinuousClock().measure {
                thrown = try await #require(throws: HTTPClientError.self) {
                    try await client.send(HTTPRequest(url: server.baseURL + "/x"), context: context)
                }
            }

            #expect(thrown?.reason == .cancelled)
            #expect(server.requestCount == 1)
            #expect(elapsed >= .milliseconds(200))
            #expect(elapsed < .seconds(5))
        }
    }

    @Test func cancelStopsAPacingWait() async throws {
        try await withLoopbackServer(LoopbackServer.script([.text("ok")])) { server in
            let budget = RateBudget(scope: .provider, requests: 1, period: .seconds(30))
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort], rateBudgets: [budget])
            let cancel = DelayedCancel(after: .milliseconds(100))
            _ = try await client.send(HTTPRequest(url: server.baseURL + "/x"))
            cancel.start()

            let error = try await #require(throws: HTTPClientError.self) {
                try await client.send(
                    HTTPRequest(url: server.baseURL + "/x"),
                    context: HTTPCallContext(isCancelled: cancel.isCancelled)
                )
            }

            #expect(error.reason == .cancelled)
            #expect(server.requestCount == 1)
        }
    }

    @Test func cancelStopsATransferInFlight() async throws {
        let cancel = DelayedCancel(after: .milliseconds(100))
        let handler: LoopbackHandler = { _ in
            cancel.start()
            return LoopbackResponse(status: 200, delay: .seconds(10))
        }
        try await withLoopbackServer(handler) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort], requestTimeout: .seconds(20))

            var thrown: HTTPClientError?
            let elapsed = try await ContinuousClock().measure {
                thrown = try await #require(throws: HTTPClientError.self) {
                    try await client.send(
                        HTTPRequest(url: server.baseURL + "/slow"),
                        context: HTTPCallContext(isCancelled: cancel.isCancelled)
                    )
                }
            }

            #expect(thrown?.reason == .cancelled)
            #expect(elapsed < .seconds(3))  // curl polls its progress callback about once a second
        }
    }
}
