import Logging
import PatchbayCore
import PatchbayTestSupport
import PluginHost
import Synchronization
import Testing

/// Each failure class of a vendor's plugin ends as a call error or a load failure with its reason, never as a host
/// crash or hang. Crash classes run only in process isolation: in-process they would take this test process down,
/// which is exactly what isolation exists to prevent.
@Suite struct MisbehavingPluginTests {
    static let credentials = ProviderCredentials(fields: [:])

    private func validate(_ registry: ProviderRegistry) async throws -> ProviderError {
        let provider = try #require(registry.provider(id: "misbehaving"), "\(registry.plugins.map(\.error))")
        do {
            _ = try await provider.validate(credentials: Self.credentials)
        } catch {
            return error
        }
        Issue.record("validate succeeded")
        return ProviderError(providerID: "", status: .ok, message: "")
    }

    struct Crash: Sendable, CustomTestStringConvertible {
        let fixture: String
        let how: String
        var testDescription: String { fixture }
    }

    @Test(arguments: [
        Crash(fixture: "SEGFAULT", how: "crashed (SIGSEGV)"),
        Crash(fixture: "ABORT", how: "crashed (SIGABRT)"),
        Crash(fixture: "EXIT", how: "exited with status 3"),
        Crash(fixture: "DOUBLE_FREE_HOST", how: "crashed (SIGABRT)"),
        Crash(fixture: "STATIC_BUFFER", how: "crashed (SIGABRT)"),
    ])
    func crashFailsTheCallAndTheRunnerRestarts(_ crash: Crash) async throws {
        let registry = try await MisbehavingFixtures.registry(crash.fixture, isolation: .process)
        for _ in 0..<2 {
            let error = try await validate(registry)
            #expect(error.status == .internal)
            #expect(
                error.message.hasPrefix(
                    "plugin misbehaving \(crash.how) during validate; nothing of the call was kept"
                ),
                "\(error.message)"
            )
        }
        #expect(registry.plugins.first?.failure == nil)
    }

    @Test(arguments: [ManifestEntry.Isolation.process, .inProcess])
    func unknownStatusIsInternalAndSaysSo(_ isolation: ManifestEntry.Isolation) async throws {
        let error = try await validate(try await MisbehavingFixtures.registry("UNKNOWN_STATUS", isolation: isolation))
        #expect(error.status == .internal)
        #expect(error.message == "plugin returned unknown status 42: teapot")
    }

    @Test(arguments: [ManifestEntry.Isolation.process, .inProcess])
    func hugeMessageIsCutToOneLineOfFourKiB(_ isolation: ManifestEntry.Isolation) async throws {
        let error = try await validate(try await MisbehavingFixtures.registry("HUGE_MESSAGE", isolation: isolation))
        #expect(error.status == .unavailable)
        #expect(error.message.utf8.count < 4200)
        #expect(error.message.hasSuffix("… (cut at 4096 bytes)"))
        #expect(!error.message.contains("\n"))
    }

    @Test(arguments: [ManifestEntry.Isolation.process, .inProcess])
    func hungValidateEndsAtItsDeadline(_ isolation: ManifestEntry.Isolation) async throws {
        let registry = try await MisbehavingFixtures.registry("HANG_VALIDATE", isolation: isolation)
        let error = try await validate(registry)
        #expect(error.status == .unavailable)
        #expect(
            error.message.hasPrefix(
                "plugin misbehaving did not finish validate within 0.6 seconds (timeouts.validate)"
            ),
            "\(error.message)"
        )
        if isolation == .inProcess {
            // Its thread is still inside the plugin: refused from now on, with the reason.
            let failure = try #require(registry.plugins.first?.failure)
            #expect(failure.contains("refused until patchbay restarts"))
            let refused = try await validate(registry)
            #expect(refused.message == failure)
        }
    }

    @Test(arguments: [ManifestEntry.Isolation.process, .inProcess])
    func listingThatNeverReturnsEndsAtItsIdleDeadline(_ isolation: ManifestEntry.Isolation) async throws {
        let registry = try await MisbehavingFixtures.registry("HANG_LIST", isolation: isolation)
        let provider = try #require(registry.provider(id: "misbehaving"))
        let error = await #expect(throws: ProviderError.self) {
            try await provider.listNetworks(credentials: Self.credentials) { _ in }
        }
        #expect(error?.status == .unavailable)
        #expect(
            error?.message.hasPrefix(
                "plugin misbehaving sent nothing during list_networks for 0.6 seconds (timeouts.list_networks_idle)"
            ) == true,
            "\(error?.message ?? "")"
        )
    }

    @Test(arguments: [ManifestEntry.Isolation.process, .inProcess])
    func listingThatPollsIsCancelledStopsAtItsDeadline(_ isolation: ManifestEntry.Isolation) async throws {
        let registry = try await MisbehavingFixtures.registry("POLL_LIST", isolation: isolation)
        let provider = try #require(registry.provider(id: "misbehaving"))
        let error = await #expect(throws: ProviderError.self) {
            try await provider.listNetworks(credentials: Self.credentials) { _ in }
        }
        #expect(error?.status == .unavailable)
        #expect(error?.message.contains("sent nothing during list_networks for 0.6 seconds") == true)
        // It stopped when asked: nothing had to be killed or abandoned.
        #expect(registry.plugins.first?.failure == nil)
    }

    @Test func crashMidListingFailsTheListingAfterItsPages() async throws {
        let registry = try await MisbehavingFixtures.registry("ABORT_LIST", isolation: .process)
        let provider = try #require(registry.provider(id: "misbehaving"))
        let pages = Mutex(0)
        let error = await #expect(throws: ProviderError.self) {
            try await provider.listNetworks(credentials: Self.credentials) { _ in pages.withLock { $0 += 1 } }
        }
        #expect(pages.withLock { $0 } == 1)
        #expect(error?.message.hasPrefix("plugin misbehaving crashed (SIGABRT) during list_networks") == true)
    }

    @Test func callUsedAfterItReturnedIsRefusedNotDereferenced() async throws {
        for isolation in [ManifestEntry.Isolation.process, .inProcess] {
            let registry = try await MisbehavingFixtures.registry("STALE_CALL", isolation: isolation)
            let provider = try #require(registry.provider(id: "misbehaving"))
            _ = try await provider.validate(credentials: Self.credentials)
            let error = try await validate(registry)
            #expect(error.message == "stale call got status 1", "\(isolation)")
        }
    }

    @Test func pluginOutputGoesToTheLogTaggedWithTheProvider() async throws {
        let (logger, logs) = InMemoryLogHandler.logger()
        let registry = try await MisbehavingFixtures.registry("STDOUT", isolation: .process, logger: logger)
        let provider = try #require(registry.provider(id: "misbehaving"))
        _ = try await provider.validate(credentials: Self.credentials)
        // The output arrives on the runner's pipe, read by a thread of its own: poll for it.
        let deadline = ContinuousClock.now + .seconds(10)
        var found: InMemoryLogHandler.Entry?
        while found == nil, ContinuousClock.now < deadline {
            found = logs.entries.first { $0.message.contains("plugin output: {\"corrupted\": true}") }
            if found == nil { try await Task.sleep(for: .milliseconds(5)) }
        }
        #expect(found?.metadata["provider"] == "misbehaving")
    }

    struct LoadCase: Sendable, CustomTestStringConvertible {
        let fixture: String
        let isolation: ManifestEntry.Isolation
        let reason: String
        var testDescription: String { "\(fixture) \(isolation)" }
    }

    @Test(arguments: [
        LoadCase(
            fixture: "CONSTRUCTOR_EXIT",
            isolation: .process,
            reason: "the library exited with status 0 while loading (in a constructor): it called exit"
        ),
        LoadCase(
            fixture: "UNTERMINATED_LIST",
            isolation: .process,
            reason: "the library crashed (SIGSEGV) while its descriptor was read"
        ),
        LoadCase(
            fixture: "SLOW_ENTRY",
            isolation: .process,
            reason: "did not finish loading within 1.5 seconds (it blocks in patchbay_provider_entry)"
        ),
        LoadCase(
            fixture: "NO_INSTANCE",
            isolation: .process,
            reason: "create failed (INTERNAL): create returned OK but no instance; this is a bug in the plugin"
        ),
        LoadCase(
            fixture: "NO_INSTANCE",
            isolation: .inProcess,
            reason: "create failed (INTERNAL): create returned OK but no instance; this is a bug in the plugin"
        ),
    ])
    func loadFailureNamesWhatThePluginDid(_ row: LoadCase) async throws {
        let registry = try await MisbehavingFixtures.registry(row.fixture, isolation: row.isolation)
        let status = try #require(registry.plugins.first)
        #expect(!status.isLoaded)
        #expect(status.error?.hasPrefix(row.reason) == true, "\(status.error ?? "loaded")")
    }
}
