import Foundation
import PatchbayCore
import PatchbayTestSupport
import Storage
import Testing

@Suite struct IntegrationServiceTests {
    @Test(arguments: TestBackend.all) func createChecksProviderFieldsSettingsAndValidation(
        _ backend: TestBackend
    ) async throws {
        try await withCoreEnvironment(backend) { env in
            func create(
                provider: String = "scripted",
                credentials: [String: String] = ["api_key": "k"],
                settings: [String: String] = [:],
                validate: Bool = true
            ) async -> ServiceError? {
                do {
                    _ = try await env.integrations.create(
                        env.owner,
                        workspace: "acme",
                        provider: provider,
                        name: "i-\(UUID())",
                        credentials: credentials,
                        settings: settings,
                        validate: validate
                    )
                    return nil
                } catch { return error }
            }
            #expect(await create(provider: "nope")?.message.contains("provider 'nope': not loaded") == true)
            #expect(await create(credentials: [:])?.message.contains("missing required field 'api_key'") == true)
            #expect(await create(credentials: ["api_key": ""])?.code == .invalidArgument)
            #expect(
                await create(credentials: ["api_key": "k", "apikey": "x"])?.message.contains("unknown field 'apikey'")
                    == true
            )
            #expect(await create(settings: ["base_url": "http://169.254.169.254/"])?.code == .invalidArgument)
            #expect(await create(settings: ["base_url": "https://allowed.example/api"]) == nil)

            let provider = try #require(env.providers["scripted"])
            provider.update { $0.validationError = ServiceError(.failedPrecondition, "scripted: invalid API key") }
            #expect(await create()?.message == "scripted: invalid API key")
            let callsBefore = provider.callLog.count
            #expect(await create(validate: false) == nil)
            #expect(provider.callLog.count == callsBefore)  // --no-validate: the provider was not asked
        }
    }

    @Test(arguments: TestBackend.all) func listShowsCountsPerIntegrationAndMarksOnlyTheFailingRow(
        _ backend: TestBackend
    ) async throws {
        let good = ScriptedProvider(id: "good", script: .init(counts: NetworkCounts(networks: 12, accessPoints: 40)))
        let bad = ScriptedProvider(id: "bad", script: .init(countsError: ServiceError(.unavailable, "bad: down")))
        try await withCoreEnvironment(backend, providers: [good, bad]) { env in
            let first = try await env.createIntegration(named: "good", provider: "good")
            let second = try await env.createIntegration(named: "bad", provider: "bad")

            let listed = try await env.integrations.list(env.owner, workspace: "acme")

            #expect(listed.map(\.id) == [first.id, second.id])
            #expect(listed[0].counts == NetworkCounts(networks: 12, accessPoints: 40))
            #expect(listed[0].countsError == nil)
            #expect(listed[1].counts == nil)
            #expect(listed[1].countsError == "bad: down")
        }
    }

    @Test(arguments: TestBackend.all) func countsAreServedFromAShortCacheWithTheirAge(
        _ backend: TestBackend
    ) async throws {
        let provider = ScriptedProvider(
            id: "scripted",
            script: .init(counts: NetworkCounts(networks: 3, accessPoints: 9))
        )
        try await withCoreEnvironment(backend, providers: [provider]) { env in
            _ = try await env.createIntegration()
            _ = try await env.integrations.list(env.owner, workspace: "acme")
            await env.store.flushBackgroundWrites()
            let cached = try await env.integrations.list(env.owner, workspace: "acme")
            #expect(provider.callLog.filter { $0 == "counts" }.count == 1)
            #expect(cached[0].counts == NetworkCounts(networks: 3, accessPoints: 9))
            #expect(cached[0].countsAgeSeconds != nil)

            _ = try await env.integrations.list(env.owner, workspace: "acme", refresh: true)
            #expect(provider.callLog.filter { $0 == "counts" }.count == 2)
        }
    }

    @Test(arguments: TestBackend.all) func slowProviderTimesOutOnItsOwnRowWhileOthersAnswer(
        _ backend: TestBackend
    ) async throws {
        let slow = ScriptedProvider(id: "slow", script: .init(countsDelay: .seconds(30)))
        let fast = ScriptedProvider(id: "fast", script: .init(counts: NetworkCounts(networks: 1, accessPoints: 2)))
        try await withCoreEnvironment(backend, providers: [slow, fast]) { env in
            _ = try await env.createIntegration(named: "slow", provider: "slow")
            _ = try await env.createIntegration(named: "fast", provider: "fast")
            var service = env.integrations
            service.countsTimeout = .milliseconds(200)
            let started = ContinuousClock.now

            let listed = try await service.list(env.owner, workspace: "acme")

            #expect(ContinuousClock.now - started < .seconds(25))  // the slow provider would take 30 s
            #expect(listed[0].countsError?.contains("did not answer counts") == true)
            #expect(listed[1].counts == NetworkCounts(networks: 1, accessPoints: 2))
        }
    }

    @Test(arguments: TestBackend.all) func integrationNamesAreUniquePerWorkspace(_ backend: TestBackend) async throws {
        try await withCoreEnvironment(backend) { env in
            _ = try await env.createIntegration(named: "HQ")
            await #expect { try await env.createIntegration(named: "HQ") } throws: {
                ($0 as? ServiceError)?.code == .conflict
            }
        }
    }
}
