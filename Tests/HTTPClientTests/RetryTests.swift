import HTTPClient
import PatchbayTestSupport
import Testing

@Suite struct RetryTests {
    @Test func tooManyRequestsWaitsForRetryAfterThenSucceeds() async throws {
        let script = LoopbackServer.script([
            LoopbackResponse(status: 429, headers: [("Retry-After", "1")]), .text("ok"),
        ])
        try await withLoopbackServer(script) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])

            var response: HTTPResponse?
            let elapsed = try await ContinuousClock().measure {
                response = try await client.send(HTTPRequest(url: server.baseURL + "/x"))
            }

            #expect(response?.status == 200)
            #expect(server.requestCount == 2)
            #expect(elapsed >= .milliseconds(990))
            #expect(elapsed < .seconds(3))
        }
    }

    @Test func tooManyRequestsWithoutRetryAfterBacksOffThenSucceeds() async throws {
        let script = LoopbackServer.script([LoopbackResponse(status: 429), LoopbackResponse(status: 429), .text("ok")])
        try await withLoopbackServer(script) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort], initialBackoff: .milliseconds(100))

            var response: HTTPResponse?
            let elapsed = try await ContinuousClock().measure {
                response = try await client.send(HTTPRequest(method: "POST", url: server.baseURL + "/x"))
            }

            #expect(response?.status == 200)
            #expect(server.requestCount == 3)
            // Equal jitter: at least half of 100 ms, then half of 200 ms.
            #expect(elapsed >= .milliseconds(150))
        }
    }

    @Test(arguments: [502, 503, 504])
    func gatewayErrorsAreRetriedForIdempotentRequests(status: Int) async throws {
        let script = LoopbackServer.script([
            LoopbackResponse(status: status), LoopbackResponse(status: status), .text("ok"),
        ])
        try await withLoopbackServer(script) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])

            let response = try await client.send(HTTPRequest(url: server.baseURL + "/x"))

            #expect(response.status == 200)
            #expect(server.requestCount == 3)
        }
    }

    @Test func gatewayErrorIsReturnedNotRetriedForPost() async throws {
        try await withLoopbackServer(LoopbackServer.script([LoopbackResponse(status: 503), .text("ok")])) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])

            let response = try await client.send(HTTPRequest(method: "POST", url: server.baseURL + "/x"))

            #expect(response.status == 503)
            #expect(server.requestCount == 1)
        }
    }

    @Test(arguments: [401, 403, 404])
    func clientErrorsAreNotRetried(status: Int) async throws {
        try await withLoopbackServer(LoopbackServer.script([LoopbackResponse(status: status), .text("ok")])) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])

            let response = try await client.send(HTTPRequest(url: server.baseURL + "/x"))

            #expect(response.status == status)
            #expect(server.requestCount == 1)
        }
    }

    @Test func exhaustedRetriesThrowWithTheLastStatus() async throws {
        try await withLoopbackServer(LoopbackServer.script([LoopbackResponse(status: 503)])) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort], maxRetries: 2)

            let error = try await #require(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: server.baseURL + "/x"))
            }

            #expect(error.reason == .retriesExhausted(lastStatus: 503))
            // A 503 is the provider's outage: lowering this host's budget share would not help.
            #expect(!error.description.contains("budget_share"), "\(error)")
            #expect(error.description.contains("still answered 503"), "\(error)")
            #expect(server.requestCount == 3)
            #expect(error.description.hasPrefix(server.baseURL + "/x: "))
        }
    }

    @Test func retryAfterBeyondMaxBackoffGivesUpAtOnce() async throws {
        let script = LoopbackServer.script([LoopbackResponse(status: 429, headers: [("Retry-After", "3600")])])
        try await withLoopbackServer(script) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort], maxBackoff: .seconds(2))

            let error = try await #require(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: server.baseURL + "/x"))
            }

            // No retry was made, so the error says what Retry-After asked rather than "retries ran out".
            #expect(error.reason == .waitTooLong(status: 429, askedSeconds: 3600, limitSeconds: 2))
            #expect(error.description.contains("asked to wait 3600 s; more than the 2 s limit"), "\(error)")
            #expect(!error.description.contains("retries ran out"))
            #expect(server.requestCount == 1)
        }
    }

    @Test func slowServerTimesOutAndIdempotentRequestIsRetriedOnce() async throws {
        // Margins are wide so a loaded 2-core machine cannot flip the result: the server would answer after 6 s.
        let slow: LoopbackHandler = { _ in LoopbackResponse(status: 200, delay: .seconds(6)) }
        try await withLoopbackServer(slow) { server in
            let client = HTTPClient.forTesting(
                allowing: [server.hostAndPort],
                requestTimeout: .milliseconds(600),
                maxRetries: 1
            )

            var thrown: HTTPClientError?
            let elapsed = try await ContinuousClock().measure {
                thrown = try await #require(throws: HTTPClientError.self) {
                    try await client.send(HTTPRequest(url: server.baseURL + "/slow"))
                }
            }

            #expect(thrown?.reason == .timedOut)
            #expect(server.requestCount == 2)
            #expect(elapsed >= .milliseconds(1200))
            #expect(elapsed < .seconds(5))
        }
    }

    @Test func postThatTimesOutIsNotRetried() async throws {
        let slow: LoopbackHandler = { _ in LoopbackResponse(status: 200, delay: .seconds(6)) }
        try await withLoopbackServer(slow) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])
            let request = HTTPRequest(method: "POST", url: server.baseURL + "/slow", timeout: .milliseconds(1500))

            let error = try await #require(throws: HTTPClientError.self) { try await client.send(request) }

            #expect(error.reason == .timedOut)
            #expect(server.requestCount == 1)
        }
    }

    @Test func refusedConnectionIsRetriedThenReported() async throws {
        // Port 1 on loopback: nothing listens, the connect is refused at once.
        let (logger, logs) = InMemoryLogHandler.logger()
        let client = HTTPClient.forTesting(allowing: ["127.0.0.1:1"], maxRetries: 1, logger: logger)

        let error = try await #require(throws: HTTPClientError.self) {
            try await client.send(HTTPRequest(method: "POST", url: "http://127.0.0.1:1/x"))
        }

        guard case .transport(let detail) = error.reason else {
            Issue.record("expected a transport error, got \(error)")
            return
        }
        #expect(detail.hasPrefix("cannot connect"))
        #expect(logs.entries.count == 2)  // a POST that never connected is safe to try again
    }
}
