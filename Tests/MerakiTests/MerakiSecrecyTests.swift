import PatchbayTestSupport
import PluginHost
import Testing

@Suite struct MerakiSecrecyTests {
    @Test func apiKeyNeverReachesLogsOrErrors() async throws {
        let canary = "meraki-canary-\(UInt64.random(in: 0...UInt64.max))"
        var dataset = FakeMerakiDataset.generated(organizations: 2, networksPerOrganization: 4)
        dataset.apiKeys.insert(canary)
        let credentials = ProviderCredentials(fields: ["api_key": canary])
        let foreignHost: (FakeMeraki) -> [String] = { ["localhost:\($0.port)"] }
        try await withMeraki(dataset, extraHosts: foreignHost) { meraki in
            meraki.fake.inject(.redirectToShard, at: "/organizations")
            meraki.fake.inject(.tooManyRequests(retryAfterSeconds: 0), at: "/organizations/100001/networks")
            _ = try await meraki.provider.validate(credentials: credentials)
            let networks = try await meraki.listAll(credentials)
            _ = try await meraki.provider.counts(credentials: credentials)
            meraki.fake.inject(.redirect(authority: "localhost:\(meraki.fake.port)"), at: "/organizations")
            let refused = try await meraki.failure { try await meraki.listAll(credentials) }
            meraki.fake.inject(.status(401, errors: ["Invalid API key"]), at: "/organizations")
            let rejected = try await meraki.failure { try await meraki.provider.validate(credentials: credentials) }

            #expect(networks.count == 8)
            #expect(!meraki.logs.entries.isEmpty)
            #expect(!meraki.logs.entries.contains { $0.line.contains(canary) })
            #expect(![refused.message, rejected.message].contains { $0.contains(canary) })
            #expect(networks.allSatisfy { !$0.raw.contains(canary) })
        }
    }
}
