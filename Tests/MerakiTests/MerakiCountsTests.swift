import PatchbayTestSupport
import PluginHost
import Testing

@Suite struct MerakiCountsTests {
    @Test func countsNetworksAndOnlyWirelessAccessPointsWithRequestsPerOrganization() async throws {
        // Each network: 3 access points (MR and Catalyst CW) plus a switch, an appliance, a camera and a
        // wireless controller, none of which is an access point.
        let dataset = FakeMerakiDataset.generated(
            organizations: 3,
            networksPerOrganization: 7,
            accessPointsPerNetwork: 3
        )
        try await withMeraki(dataset) { meraki in
            let counts = try await meraki.provider.counts(credentials: MerakiHarness.goodKey)

            #expect(counts.networks == 21)
            #expect(counts.accessPoints == 63)
            #expect(counts.organizations.map(\.id) == ["100001", "100002", "100003"])
            #expect(counts.organizations.allSatisfy { $0.networks == 7 && $0.accessPoints == 21 })
            // One request for the organizations, then two per organization, whatever the number of devices.
            #expect(meraki.fake.requests.count == 1 + 2 * 3)
            let overviews = meraki.fake.requests.filter { $0.path.hasSuffix("/devices/overview/byModel") }
            #expect(overviews.count == 3)
            #expect(overviews.allSatisfy { $0.query["productTypes[]"] == ["wireless"] })
            #expect(!meraki.fake.requests.contains { $0.path.hasSuffix("/devices") })
        }
    }

    @Test func countsPageThroughNetworksWithoutListingDevices() async throws {
        try await withMeraki(.generated(organizations: 2, networksPerOrganization: 10, accessPointsPerNetwork: 5)) {
            meraki in
            meraki.fake.capPages(at: 4)
            let counts = try await meraki.provider.counts(credentials: MerakiHarness.goodKey)

            #expect(counts.networks == 20)
            #expect(counts.accessPoints == 100)
            #expect(meraki.fake.requestCount("/organizations/100001/networks") == 3)
            #expect(meraki.fake.requests.count == 1 + 2 * (3 + 1))
        }
    }

    @Test func organizationFailureInCountsIsNamedByID() async throws {
        try await withMeraki { meraki in
            meraki.fake.inject(.truncatedBody, at: "/organizations/100003/devices/overview/byModel")
            let error = try await meraki.failure {
                try await meraki.provider.counts(credentials: MerakiHarness.goodKey)
            }

            #expect(error.status == .internal)
            #expect(error.message.contains("organization 100003"))
            #expect(error.message.contains("/organizations/100003/devices/overview/byModel: malformed JSON"))
        }
    }
}
