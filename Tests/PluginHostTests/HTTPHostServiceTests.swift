import Logging
import PatchbayTestSupport
import PluginHost
import Testing

/// The C example plugin reaches a loopback server through the host's http_request service (libcurl).
@Suite struct HTTPHostServiceTests {
    static let account = #"{"account":"loop@example","organizations":[{"id":"o1","name":"Loop"}]}"#

    /// The example plugin pointed at `server`, with the server as its only allowed host.
    static func example(
        for server: LoopbackServer,
        logger: Logger = Logger(label: "test")
    ) async throws -> LoadedProvider {
        let fixtures = try await PluginFixtures.get()
        let yaml = """
            plugins:
              - path: libexample.so
                settings:
                  base_url: \(server.baseURL)
                allowed_hosts: [\(server.hostAndPort)]
            """
        let manifest = try Manifest.parse(yaml: yaml, file: "test.yaml", baseDirectory: fixtures.directory.path)
        let registry = ProviderRegistry(manifest: manifest, logger: logger)
        return try #require(registry.provider(id: "example"), "\(registry.plugins.map(\.error))")
    }

    @Test func validateGoesThroughTheHostHTTPService() async throws {
        let token = "tok-\(UInt64.random(in: 0...UInt64.max))"
        let handler: LoopbackHandler = { request in
            request.header("Authorization") == "Bearer \(token)"
                ? .json(Self.account) : .json(#"{"errors":["Invalid API key"]}"#, status: 401)
        }
        try await withLoopbackServer(handler) { server in
            let (logger, logs) = InMemoryLogHandler.logger()
            let example = try await Self.example(for: server, logger: logger)
            let validation = try await example.validate(credentials: ProviderCredentials(fields: ["token": token]))
            #expect(validation.account == "loop@example")
            #expect(validation.organizations == [ProviderValidation.Organization(id: "o1", name: "Loop")])
            #expect(server.requests(to: "/account").count == 1)

            let refused = await #expect(throws: ProviderError.self) {
                try await example.validate(credentials: ProviderCredentials(fields: ["token": "other"]))
            }
            #expect(refused?.status == .unauthenticated)
            #expect(
                logs.entries.contains { $0.message == "validating the token" && $0.metadata["provider"] == "example" }
            )
            #expect(!logs.entries.contains { $0.line.contains(token) })
        }
    }

    @Test func redirectOutsideAllowedHostsIsPermissionDenied() async throws {
        try await withLoopbackServer(LoopbackServer.script([.redirect(to: "http://198.51.100.7/steal")])) { server in
            let example = try await Self.example(for: server)
            let error = await #expect(throws: ProviderError.self) {
                try await example.validate(credentials: ProviderCredentials(fields: ["token": "secret-token-1"]))
            }
            #expect(error?.status == .permissionDenied)
            #expect(error?.message.contains("198.51.100.7") == true)
            #expect(error?.message.contains("secret-token-1") == false)
        }
    }

    @Test func unreachableServerIsUnavailable() async throws {
        // A server that answers 503 on every attempt, with Retry-After: 0 so the retries are quick.
        let busy = LoopbackResponse(status: 503, headers: [("Retry-After", "0")])
        try await withLoopbackServer(LoopbackServer.script([busy])) { server in
            let example = try await Self.example(for: server)
            let error = await #expect(throws: ProviderError.self) {
                try await example.validate(credentials: ProviderCredentials(fields: ["token": "t"]))
            }
            // The example maps any non-200 answer to UNAVAILABLE itself; retries exhausted also is UNAVAILABLE.
            #expect(error?.status == .unavailable)
        }
    }
}
