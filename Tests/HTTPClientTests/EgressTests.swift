import HTTPClient
import PatchbayTestSupport
import Testing

@Suite struct EgressTests {
    @Test(arguments: [
        ("api.meraki.com", "https://api.meraki.com/api/v1/organizations", true),
        ("api.meraki.com", "https://API.Meraki.com./x", true),
        ("api.meraki.com", "https://api.meraki.com.evil.com/x", false),
        ("api.meraki.com", "https://evil.com/?u=https://api.meraki.com", false),
        ("api.meraki.com", "https://api.meraki.com@evil.com/x", false),
        ("*.meraki.com", "https://n1.meraki.com/x", true),
        ("*.meraki.com", "https://a.b.meraki.com/x", true),
        ("*.meraki.com", "https://meraki.com/x", false),
        ("*.meraki.com", "https://evilmeraki.com/x", false),
        ("127.0.0.1:8080", "http://127.0.0.1:8080/x", true),
        ("127.0.0.1:8080", "http://127.0.0.1:8081/x", false),
        ("127.0.0.1:8080", "http://localhost:8080/x", false),
        ("[::1]:8080", "http://[::1]:8080/x", true),
        ("api.meraki.com:443", "https://api.meraki.com/x", true),
        ("api.meraki.com:443", "http://api.meraki.com/x", false),
        ("api.meraki.com", "ftp://api.meraki.com/x", false),
    ])
    func allowList(entry: String, url: String, allowed: Bool) {
        #expect(EgressPolicy(allowedHosts: [entry]).allows(url) == allowed)
    }

    @Test func allowListEntriesAreValidated() {
        for entry in ["api.meraki.com", "*.meraki.com", "127.0.0.1:8080", "[::1]:8080", "::1"] {
            #expect(EgressPolicy.isValid(entry: entry), "\(entry)")
        }
        for entry in ["", "*.", "*", "a.*.com", "host:port", "[::1]x", ":80", "evil.com/path"] {
            #expect(!EgressPolicy.isValid(entry: entry), "\(entry)")
        }
    }

    @Test func requestToAnotherPortOfLoopbackIsRefusedWithoutConnecting() async throws {
        try await withLoopbackServer(LoopbackServer.script([.text("ok")])) { server in
            try await withLoopbackServer(LoopbackServer.script([.text("ok")])) { other in
                let client = HTTPClient.forTesting(allowing: [server.hostAndPort])

                let error = try await #require(throws: HTTPClientError.self) {
                    try await client.send(HTTPRequest(url: other.baseURL + "/x"))
                }

                #expect(error.reason == .egressRefused(host: "127.0.0.1"))
                #expect(error.description.hasSuffix("; add the host to allowed_hosts in plugins.yaml"))
                #expect(other.requestCount == 0)
            }
        }
    }

    @Test func localhostIsNotTheAllowedLoopbackAddress() async throws {
        try await withLoopbackServer(LoopbackServer.script([.text("ok")])) { server in
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort])

            let error = try await #require(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: "http://localhost:\(server.port)/x"))
            }

            #expect(error.reason == .egressRefused(host: "localhost"))
            #expect(server.requestCount == 0)
        }
    }
}
