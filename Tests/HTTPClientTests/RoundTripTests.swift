import HTTPClient
import PatchbayTestSupport
import Testing

@Suite struct RoundTripTests {
    @Test func getCarriesHeadersAndReturnsStatusHeadersAndBody() async throws {
        let handler: LoopbackHandler = { _ in
            LoopbackResponse(
                status: 200,
                headers: [("X-Request-Id", "abc"), ("Content-Type", "text/plain")],
                body: Array("hello".utf8)
            )
        }
        try await withLoopbackServer(handler) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])
            let request = HTTPRequest(
                url: server.baseURL + "/networks?page=2",
                headers: [.init(name: "Accept", value: "application/json")]
            )

            let response = try await client.send(request)

            #expect(response.status == 200)
            #expect(response.text == "hello")
            #expect(response.header("x-request-id") == "abc")
            #expect(response.headers.contains { $0.name == "x-request-id" })
            #expect(response.headers.allSatisfy { $0.name == $0.name.lowercased() })
            #expect(response.finalURL == server.baseURL + "/networks?page=2")
            let received = try #require(server.requests.first)
            #expect(received.method == "GET")
            #expect(received.path == "/networks")
            #expect(received.query == "page=2")
            #expect(received.header("accept") == "application/json")
        }
    }

    @Test func postSendsBodyAndContentType() async throws {
        let handler: LoopbackHandler = { request in
            LoopbackResponse(status: 201, body: request.body.reversed())
        }
        try await withLoopbackServer(handler) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])
            let request = HTTPRequest(
                method: "POST",
                url: server.baseURL + "/networks",
                headers: [.init(name: "Content-Type", value: "application/json")],
                body: Array(#"{"name":"HQ"}"#.utf8)
            )

            let response = try await client.send(request)

            #expect(response.status == 201)
            #expect(response.text == String(#"{"name":"HQ"}"#.reversed()))
            let received = try #require(server.requests.first)
            #expect(received.method == "POST")
            #expect(received.bodyText == #"{"name":"HQ"}"#)
            #expect(received.header("content-type") == "application/json")
            #expect(received.header("expect") == nil)
        }
    }

    @Test(arguments: ["PUT", "PATCH", "DELETE"])
    func otherMethodsSendTheirBody(method: String) async throws {
        try await withLoopbackServer(LoopbackServer.script([.text("ok")])) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])
            let request = HTTPRequest(method: method, url: server.baseURL + "/x", body: Array("data".utf8))

            _ = try await client.send(request)

            let received = try #require(server.requests.first)
            #expect(received.method == method)
            #expect(received.bodyText == "data")
            #expect(received.header("content-type") == nil)  // curl's form default is not invented
        }
    }

    @Test func sequentialRequestsReuseOneConnection() async throws {
        try await withLoopbackServer(LoopbackServer.script([.text("ok")])) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])

            for _ in 0..<3 {
                _ = try await client.send(HTTPRequest(url: server.baseURL + "/x"))
            }

            let ports = Set(server.requests.compactMap(\.remotePort))
            #expect(server.requestCount == 3)
            #expect(ports.count == 1)
        }
    }

    @Test func concurrentCallersAllGetTheirOwnAnswer() async throws {
        let handler: LoopbackHandler = { request in .text(request.query) }
        try await withLoopbackServer(handler) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])

            try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        let response = try await client.send(HTTPRequest(url: server.baseURL + "/x?\(index)"))
                        return response.text == "\(index)"
                    }
                }
                for try await matched in group {
                    #expect(matched)
                }
            }
            #expect(server.requestCount == 8)
        }
    }

    @Test func headReturnsHeadersWithoutBody() async throws {
        try await withLoopbackServer(LoopbackServer.script([.json(#"{"ok":true}"#)])) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])

            let response = try await client.send(HTTPRequest(method: "HEAD", url: server.baseURL + "/x"))

            #expect(response.status == 200)
            #expect(response.header("content-type") == "application/json")
            #expect(response.body.isEmpty)
            #expect(server.requests.first?.method == "HEAD")
        }
    }

    @Test func oversizedResponseFailsWithoutRetry() async throws {
        let big = LoopbackResponse(status: 200, body: Array(repeating: UInt8(ascii: "x"), count: 4_000))
        try await withLoopbackServer(LoopbackServer.script([big])) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort], maxResponseBytes: 1_000)

            let error = try await #require(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: server.baseURL + "/x"))
            }

            #expect(error.description.contains("larger than 1000 bytes"))
            #expect(server.requestCount == 1)
        }
    }

    @Test func invalidURLIsRefusedBeforeAnyConnection() async throws {
        let client = HTTPClient.forTesting(allowing: ["127.0.0.1"])

        for url in ["not a url", "ftp://127.0.0.1/x", "file:///etc/passwd", "/relative"] {
            let error = try await #require(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: url))
            }
            #expect(error.reason == .invalidURL)
        }
    }
}
