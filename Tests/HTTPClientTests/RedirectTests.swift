import HTTPClient
import PatchbayTestSupport
import Testing

@Suite struct RedirectTests {
    private static let authorization = HTTPHeader(name: "Authorization", value: "Bearer token-1")

    @Test func sameHostRedirectResolvesRelativeLocationAndKeepsAuthorization() async throws {
        let handler: LoopbackHandler = { request in
            request.path == "/old" ? .redirect(to: "new?x=1", status: 301) : .text("moved here")
        }
        try await withLoopbackServer(handler) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])

            let response = try await client.send(
                HTTPRequest(url: server.baseURL + "/old", headers: [Self.authorization])
            )

            #expect(response.text == "moved here")
            #expect(response.finalURL == server.baseURL + "/new?x=1")
            let followed = try #require(server.requests(to: "/new").first)
            #expect(followed.header("authorization") == "Bearer token-1")
        }
    }

    @Test func redirectToAnotherAllowedHostDropsCredentials() async throws {
        try await withLoopbackServer(LoopbackServer.script([.text("other")])) { other in
            // `localhost` is another host name for the same loopback interface.
            let target = "http://localhost:\(other.port)/landing"
            try await withLoopbackServer(LoopbackServer.script([.redirect(to: target)])) { server in
                let client = HTTPClient.forTesting(allowing: [server.hostAndPort, "localhost:\(other.port)"])
                let request = HTTPRequest(
                    url: server.baseURL + "/start",
                    headers: [
                        Self.authorization, HTTPHeader(name: "X-Cisco-Meraki-API-Key", value: "key-1"),
                        HTTPHeader(name: "Accept", value: "application/json"),
                    ]
                )

                let response = try await client.send(request, context: HTTPCallContext(secrets: ["key-1"]))

                #expect(response.text == "other")
                let followed = try #require(other.requests.first)
                #expect(followed.header("authorization") == nil)
                #expect(followed.header("x-cisco-meraki-api-key") == nil)
                #expect(followed.header("accept") == "application/json")
            }
        }
    }

    @Test func requestMayKeepCredentialsAcrossHosts() async throws {
        try await withLoopbackServer(LoopbackServer.script([.text("other")])) { other in
            let target = "http://localhost:\(other.port)/landing"
            try await withLoopbackServer(LoopbackServer.script([.redirect(to: target, status: 307)])) { server in
                let client = HTTPClient.forTesting(allowing: [server.hostAndPort, "localhost:\(other.port)"])
                let request = HTTPRequest(
                    url: server.baseURL + "/start",
                    headers: [Self.authorization],
                    keepsCredentialsOnRedirect: true
                )

                _ = try await client.send(request)

                #expect(other.requests.first?.header("authorization") == "Bearer token-1")
            }
        }
    }

    @Test func redirectToUnlistedHostIsRefused() async throws {
        try await withLoopbackServer(LoopbackServer.script([.text("other")])) { other in
            try await withLoopbackServer(LoopbackServer.script([.redirect(to: other.baseURL + "/steal")])) { server in
                let client = HTTPClient.forTesting(allowing: [server.hostAndPort])

                let error = try await #require(throws: HTTPClientError.self) {
                    try await client.send(HTTPRequest(url: server.baseURL + "/start", headers: [Self.authorization]))
                }

                #expect(error.reason == .egressRefused(host: "127.0.0.1"))
                #expect(error.url == other.baseURL + "/steal")
                #expect(other.requestCount == 0)
            }
        }
    }

    @Test func seeOtherTurnsPostIntoGetWithoutBody() async throws {
        let handler: LoopbackHandler = { request in
            request.path == "/create" ? .redirect(to: "/result", status: 303) : .text(request.method)
        }
        try await withLoopbackServer(handler) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])
            let request = HTTPRequest(
                method: "POST",
                url: server.baseURL + "/create",
                headers: [HTTPHeader(name: "Content-Type", value: "application/json")],
                body: Array("{}".utf8)
            )

            let response = try await client.send(request)

            #expect(response.text == "GET")
            let followed = try #require(server.requests(to: "/result").first)
            #expect(followed.body.isEmpty)
            #expect(followed.header("content-type") == nil)
        }
    }

    @Test func temporaryRedirectKeepsMethodAndBody() async throws {
        let handler: LoopbackHandler = { request in
            request.path == "/a" ? .redirect(to: "/b", status: 307) : .text("\(request.method) \(request.bodyText)")
        }
        try await withLoopbackServer(handler) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])

            let response = try await client.send(
                HTTPRequest(method: "PUT", url: server.baseURL + "/a", body: Array("v".utf8))
            )

            #expect(response.text == "PUT v")
        }
    }

    @Test func redirectLoopStopsAtMaxRedirects() async throws {
        try await withLoopbackServer(LoopbackServer.script([.redirect(to: "/again")])) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort], maxRedirects: 3)

            let error = try await #require(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: server.baseURL + "/start"))
            }

            guard case .transport(let detail) = error.reason else {
                Issue.record("expected a transport error, got \(error)")
                return
            }
            #expect(detail.contains("3 redirects"))
            #expect(server.requestCount == 4)
        }
    }
}
