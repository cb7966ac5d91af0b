import Dispatch
import Logging
import PatchbayTestSupport
import PluginHost
import Synchronization
import Testing

/// The C example plugin, compiled by the test suite and loaded by the already-built host, answers every call.
@Suite struct ExampleProviderTests {
    static func registry(_ extra: String = "") async throws -> ProviderRegistry {
        let fixtures = try await PluginFixtures.get()
        let yaml = """
            plugins:
              - path: libexample.so
                settings:
                  greeting: hi
            \(extra)
            """
        let manifest = try Manifest.parse(yaml: yaml, file: "test.yaml", baseDirectory: fixtures.directory.path)
        return ProviderRegistry(manifest: manifest, logger: Logger(label: "test"))
    }

    static func example() async throws -> LoadedProvider {
        try #require(try await registry().provider(id: "example"))
    }

    let credentials = ProviderCredentials(fields: ["token": "tok-\(UInt64.random(in: 0...UInt64.max))"])

    @Test func descriptorIsCopiedOut() async throws {
        let example = try await Self.example()
        #expect(example.descriptor.name == "Example (C)")
        #expect(example.descriptor.version == "1.0.0")
        #expect(example.descriptor.abi == "1.1")
        #expect(
            example.descriptor.credentialFields == [
                FieldDescriptor(
                    name: "token",
                    label: "Token",
                    description: "Any non-empty token; \"bad\" is refused.",
                    isRequired: true,
                    isSecret: true
                )
            ]
        )
        #expect(example.descriptor.settings.map(\.name) == ["greeting", "base_url"])
        #expect(
            example.descriptor.rateBudgets == [
                RateBudgetDescriptor(scope: "provider", requests: 10, periodMilliseconds: 1000)
            ]
        )
        #expect(example.allowedHosts == ["example.invalid"])
        #expect(example.settings == ["greeting": "hi"])
        #expect(example.supportsCounts)
    }

    @Test func validateReturnsTheAccount() async throws {
        let validation = try await Self.example().validate(credentials: credentials, settings: [:])
        #expect(validation.account == "hi from the example provider")
        #expect(validation.organizations.map(\.id) == ["org-1", "org-2", "org-3"])
    }

    @Test func overridesCreateASecondInstance() async throws {
        let example = try await Self.example()
        let validation = try await example.validate(credentials: credentials, settings: ["greeting": "hey"])
        #expect(validation.account == "hey from the example provider")
        let again = try await example.validate(credentials: credentials, settings: [:])
        #expect(again.account == "hi from the example provider")
    }

    @Test func refusedCredentialsBecomeUnauthenticated() async throws {
        let error = await #expect(throws: ProviderError.self) {
            try await Self.example().validate(credentials: ProviderCredentials(fields: ["token": "bad"]), settings: [:])
        }
        #expect(error?.status == .unauthenticated)
        #expect(error?.description == "provider example: UNAUTHENTICATED: the token was refused; use another token")
    }

    @Test func listNetworksStreamsEveryPage() async throws {
        let pages = Mutex<[[ProviderNetwork]]>([])
        try await Self.example().listNetworks(credentials: credentials, settings: [:]) { page in
            pages.withLock { $0.append(page) }
        }
        let received = pages.withLock { $0 }
        #expect(received.map(\.count) == [2, 2, 2])
        let first = try #require(received.first?.first)
        #expect(first.externalID == "N_1")
        #expect(first.organizationID == "org-2")
        #expect(first.productTypes == ["wireless"])
        #expect(first.raw == #"{"greeting":"hi","id":"N_1","name":"Network 1"}"#)
    }

    @Test func throwingOnPageStopsTheListing() async throws {
        struct Full: Error {}
        let calls = Mutex(0)
        let error = await #expect(throws: ProviderError.self) {
            try await Self.example().listNetworks(credentials: credentials, settings: [:]) { _ in
                calls.withLock { $0 += 1 }
                throw Full()
            }
        }
        #expect(calls.withLock { $0 } == 1)
        #expect(error?.status == .cancelled)
    }

    @Test func malformedPageIsInternalAndNamesThePlugin() async throws {
        let registry = try await Self.registry("  - path: libmalformed_page.so")
        let plugin = try #require(registry.provider(id: "malformed-page"))
        let error = await #expect(throws: ProviderError.self) {
            try await plugin.listNetworks(credentials: credentials, settings: [:]) { _ in }
        }
        #expect(error?.status == .internal)
        #expect(
            error?.description
                == "provider malformed-page: INTERNAL: malformed answer: page is not JSON (expected a value at byte 14); "
                + "fix the plugin"
        )
    }

    @Test func countsUseTheExtension() async throws {
        let counts = try await Self.example().counts(credentials: credentials, settings: [:])
        #expect(counts.networks == 6)
        #expect(counts.accessPoints == 12)
        #expect(
            counts.organizations == [
                ProviderCounts.Organization(id: "org-1", networks: 3, accessPoints: 6),
                ProviderCounts.Organization(id: "org-2", networks: 3, accessPoints: 6),
            ]
        )
    }

    @Test func undeclaredSettingIsRefused() async throws {
        let example = try await Self.example()
        let error = #expect(throws: ProviderError.self) {
            try example.checkSettings(["region": "eu"])
        }
        #expect(
            error?.message
                == "setting 'region' is not a setting of provider 'example' (declared: greeting, base_url); remove it"
        )
    }

    @Test func settingURLOutsideAllowedHostsIsRefused() async throws {
        let example = try await Self.example()
        let error = #expect(throws: ProviderError.self) {
            try example.checkSettings(["base_url": "https://attacker.example.com/api"])
        }
        #expect(error?.status == .invalidArgument)
        #expect(
            error?.message
                == "setting 'base_url' points at attacker.example.com, outside the allowed hosts (example.invalid); "
                + "add it to allowed_hosts in plugins.yaml"
        )
        #expect(throws: Never.self) { try example.checkSettings(["base_url": "https://example.invalid/v1"]) }
    }

    @Test func cancelledTaskStopsTheCall() async throws {
        let example = try await Self.example()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await example.listNetworks(credentials: credentials, settings: [:]) { _ in }
        }
        let result = await task.result
        #expect(throws: ProviderError.self) { try result.get() }
    }

    @Test func cancellingDuringAListingStopsThePluginBetweenPages() async throws {
        let example = try await Self.example()
        let firstPage = DispatchSemaphore(value: 0)
        let resume = DispatchSemaphore(value: 0)
        let pages = Mutex(0)
        let credentials = credentials
        let task = Task {
            try await example.listNetworks(credentials: credentials, settings: [:]) { _ in
                pages.withLock { $0 += 1 }
                firstPage.signal()
                resume.wait()  // holds the plugin on its first page until the task is cancelled
            }
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                firstPage.wait()
                continuation.resume()
            }
        }
        task.cancel()
        resume.signal()
        let error = await #expect(throws: ProviderError.self) { try await task.value }
        #expect(error?.status == .cancelled)
        #expect(error?.message == "cancelled by the host")
        #expect(pages.withLock { $0 } == 1)
    }

    @Test func credentialsDescriptionIsRedacted() {
        #expect("\(credentials)" == "<redacted>")
        #expect(String(reflecting: credentials) == "<redacted>")
    }
}
