import Foundation
import PatchbayTestSupport
import PluginHost
import Testing

@Suite struct MistListingTests {
    @Test func listsEverySiteOfEveryOrgPageByPageWithExactRequests() async throws {
        try await withMist(.generated(organizations: 3, sitesPerOrganization: 7)) { mist in
            mist.fake.capPages(at: 3)
            let listing = try await mist.listAll()

            #expect(listing.networks.count == 21)
            #expect(listing.pages == [3, 3, 1, 3, 3, 1, 3, 3, 1])
            #expect(Set(listing.networks.map(\.externalID)).count == 21)
            // One /self, then ceil(7 / 3) = 3 pages per org, each asking Mist's largest page.
            #expect(mist.fake.requests.count == 1 + 3 * 3)
            let first = FakeMistDataset.organizationID(1)
            #expect(mist.fake.requestCount("/orgs/\(first)/sites") == 3)
            let sites = mist.fake.requests.filter { $0.path.hasSuffix("/sites") }
            #expect(sites.allSatisfy { $0.query["limit"] == ["1000"] })
            #expect(sites.prefix(3).map { $0.query["page"] ?? [] } == [["1"], ["2"], ["3"]])
        }
    }

    @Test func networksCarryTheSiteUnmodifiedAndDecodedNames() async throws {
        try await withMist(.generated(organizations: 1, sitesPerOrganization: 2)) { mist in
            let listing = try await mist.listAll()
            let hq = try #require(listing.networks.first)

            #expect(hq.name == "HQ \"Zürich\" ☃ 🛰 1")
            #expect(hq.organizationID == FakeMistDataset.organizationID(1))
            #expect(hq.timeZone == "Europe/Amsterdam")
            let raw = try #require(
                try JSONSerialization.jsonObject(with: Data(hq.raw.utf8)) as? [String: Any]
            )
            #expect(raw["id"] as? String == hq.externalID)
            #expect(raw["name"] as? String == "HQ \"Zürich\" ☃ 🛰 1")
            #expect(raw["modified_time"] as? Double == 1_700_000_100.5)
            #expect(raw.keys.count == 11)
        }
    }

    @Test func withoutTotalHeaderAShortPageEndsTheListing() async throws {
        try await withMist(.generated(organizations: 1, sitesPerOrganization: 5)) { mist in
            mist.fake.capPages(at: 2)
            let path = "/orgs/\(FakeMistDataset.organizationID(1))/sites"
            mist.fake.inject(.withoutTotal, at: path, times: 10)
            let listing = try await mist.listAll()

            #expect(listing.networks.count == 5)
            #expect(mist.fake.requestCount(path) == 3)
        }
    }

    @Test func failureOnALaterPageIsNeverReportedComplete() async throws {
        try await withMist(.generated(organizations: 2, sitesPerOrganization: 4)) { mist in
            mist.fake.capPages(at: 2)
            mist.fake.inject(.malformedBody, at: "/orgs/\(FakeMistDataset.organizationID(2))/sites")
            let error = try await mist.failure { try await mist.listAll() }

            #expect(error.status == .internal)
            #expect(
                error.message.contains(
                    "GET /orgs/\(FakeMistDataset.organizationID(2))/sites: Mist answered malformed JSON"
                )
            )
        }
    }

    @Test func badTokenFailsTheListingUnauthenticated() async throws {
        try await withMist { mist in
            let error = try await mist.failure { try await mist.listAll(MistHarness.badToken) }

            #expect(error.status == .unauthenticated)
            #expect(mist.fake.requests.count == 1)
        }
    }
}
