import PatchbayTestSupport
import PluginHost
import Testing

@Suite struct MistCountsTests {
    @Test func countsSitesAndOnlyAccessPointsWithTwoRequestsPerOrg() async throws {
        let dataset = FakeMistDataset.generated(organizations: 3, sitesPerOrganization: 7, accessPointsPerSite: 4)
        try await withMist(dataset) { mist in
            mist.fake.capPages(at: 2)  // the totals come from X-Page-Total, whatever the page size
            let counts = try await mist.provider.counts(credentials: MistHarness.goodToken)

            #expect(counts.networks == 21)
            #expect(counts.accessPoints == 84)
            #expect(counts.organizations.map(\.id) == (1...3).map(FakeMistDataset.organizationID))
            #expect(counts.organizations.allSatisfy { $0.networks == 7 && $0.accessPoints == 28 })
            #expect(mist.fake.requests.count == 1 + 2 * 3)
            let inventory = mist.fake.requests.filter { $0.path.hasSuffix("/inventory") }
            #expect(inventory.count == 3)
            #expect(inventory.allSatisfy { $0.query["type"] == ["ap"] && $0.query["limit"] == ["1"] })
        }
    }

    @Test func withoutTotalHeaderCountsByPaging() async throws {
        try await withMist(.generated(organizations: 1, sitesPerOrganization: 5, accessPointsPerSite: 1)) { mist in
            let path = "/orgs/\(FakeMistDataset.organizationID(1))/inventory"
            mist.fake.inject(.withoutTotal, at: path, times: 2)
            let counts = try await mist.provider.counts(credentials: MistHarness.goodToken)

            #expect(counts.accessPoints == 5)
            #expect(mist.fake.requestCount(path) == 2)
        }
    }
}
