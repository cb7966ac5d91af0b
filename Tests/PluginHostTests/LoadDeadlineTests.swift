import PatchbayCore
import PatchbayTestSupport
import PluginHost
import Testing

/// Loading (constructors, entry point, descriptor) and `create` end at their deadlines in both isolation modes:
/// in a runner the runner is killed; in-process the thread is left behind and the plugin is refused. Never a hang.
@Suite struct LoadDeadlineTests {
    static let credentials = ProviderCredentials(fields: [:])

    @Test(arguments: [ManifestEntry.Isolation.process, .inProcess])
    func entryThatSleepsIsAbandonedAtTheLoadDeadline(_ isolation: ManifestEntry.Isolation) async throws {
        let registry = try await MisbehavingFixtures.registry("SLOW_ENTRY", isolation: isolation)
        let status = try #require(registry.plugins.first)
        // The entry sleeps 20 s; the load deadline is 1.5 s.
        #expect(!status.isLoaded)
        let error = status.error ?? "loaded"
        #expect(
            error.hasPrefix("did not finish loading within 1.5 seconds (it blocks in patchbay_provider_entry)"),
            "\(error)"
        )
        #expect(error.contains("timeouts.load"), "\(error)")
        #expect(registry.provider(id: "misbehaving") == nil)
    }

    @Test(arguments: [ManifestEntry.Isolation.process, .inProcess])
    func createThatHangsAtLoadFailsTheLoadAtItsDeadline(_ isolation: ManifestEntry.Isolation) async throws {
        let registry = try await MisbehavingFixtures.registry(
            "HANG_CREATE",
            isolation: isolation,
            settings: ["mode": "hang"]
        )
        let status = try #require(registry.plugins.first)
        #expect(!status.isLoaded)
        let error = status.error ?? "loaded"
        let expected =
            isolation == .process
            ? "create failed (UNAVAILABLE): plugin misbehaving did not finish create within 0.6 seconds "
                + "(timeouts.create); it did not stop within 0.3 seconds of being asked, so its runner was stopped"
            : "plugin misbehaving did not finish create within 0.6 seconds (timeouts.create); its thread was "
                + "abandoned and the plugin is refused until patchbay restarts"
        #expect(error.hasPrefix(expected), "\(error)")
    }

    @Test(arguments: [ManifestEntry.Isolation.process, .inProcess])
    func createThatHangsForACallsSettingsFailsTheCallAtItsDeadline(
        _ isolation: ManifestEntry.Isolation
    ) async throws {
        let registry = try await MisbehavingFixtures.registry("HANG_CREATE", isolation: isolation)
        let provider = try #require(registry.provider(id: "misbehaving"), "\(registry.plugins.map(\.error))")
        let error = await #expect(throws: ProviderError.self) {
            _ = try await provider.validate(credentials: Self.credentials, settings: ["mode": "hang"])
        }
        #expect(error?.status == .unavailable)
        #expect(
            error?.message.contains("did not finish create within 0.6 seconds (timeouts.create)") == true,
            "\(error?.message ?? "")"
        )
        switch isolation {
        case .process:
            // The runner was killed and starts again: the plugin's own settings still work.
            #expect(registry.plugins.first?.failure == nil)
            let validation = try await provider.validate(credentials: Self.credentials)
            #expect(validation.account == "misbehaving")
        case .inProcess:
            // Its thread is still in create: refused from now on, with the reason.
            let failure = try #require(registry.plugins.first?.failure)
            #expect(failure.contains("refused until patchbay restarts"))
            let refused = await #expect(throws: ProviderError.self) {
                _ = try await provider.validate(credentials: Self.credentials)
            }
            #expect(refused?.message == failure)
        }
    }
}
