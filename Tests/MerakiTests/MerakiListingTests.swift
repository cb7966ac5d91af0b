import Foundation
import Logging
import PatchbayTestSupport
import PluginHost
import Testing

@Suite struct MerakiListingTests {
    /// 3 organizations x 7 networks, served 3 per page: 3 pages per organization.
    static let dataset = FakeMerakiDataset.generated(organizations: 3, networksPerOrganization: 7)

    @Test func listsEveryNetworkOfEveryOrganizationAcrossPagesExactlyOnce() async throws {
        try await withMeraki(Self.dataset) { meraki in
            meraki.fake.capPages(at: 3)
            let networks = try await meraki.listAll()

            let expected = Self.dataset.organizations.flatMap { org in org.networks.map { ($0.id, org.id) } }
            #expect(networks.count == 21)
            #expect(Set(networks.map(\.externalID)) == Set(expected.map(\.0)))
            for network in networks {
                #expect(network.organizationID == expected.first { $0.0 == network.externalID }?.1)
            }
            #expect(meraki.fake.requestCount("/organizations") == 1)
            for org in Self.dataset.organizations {
                let path = "/organizations/\(org.id)/networks"
                // ceil(7 / 3) pages: no page skipped, none fetched twice, nothing after the last.
                #expect(meraki.fake.requestCount(path) == 3)
                let tokens = meraki.fake.requests.filter { $0.path == "/api/v1" + path }.map {
                    $0.query["startingAfter"]
                }
                #expect(tokens == [nil, ["\(org.networks[2].id)"], ["\(org.networks[5].id)"]])
            }
            #expect(meraki.fake.requests.count == 1 + 3 * 3)
        }
    }

    /// Networks at 1000 per page (issue 15 item 10: 100,000 could not fit the host's 64 MiB and 30 s limits);
    /// organizations, which are small, at the largest page the endpoint allows.
    @Test func asksForPagesThatFitTheHostsLimits() async throws {
        try await withMeraki(Self.dataset) { meraki in
            _ = try await meraki.listAll()

            let networkRequests = meraki.fake.requests.filter { $0.path.hasSuffix("/networks") }
            #expect(networkRequests.count == 3)
            #expect(networkRequests.allSatisfy { $0.query["perPage"] == ["1000"] })
            #expect(meraki.fake.requests.first { $0.path == "/api/v1/organizations" }?.query["perPage"] == ["9000"])
        }
    }

    @Test func networkFieldsAndRawObjectCrossUnchanged() async throws {
        try await withMeraki(Self.dataset) { meraki in
            let networks = try await meraki.listAll()
            let network = try #require(networks.first { $0.externalID == "L_100001000002" })

            #expect(network.name == "Café \"HQ\" \\ 東京 1")
            #expect(network.organizationID == "100001")
            #expect(network.productTypes == ["appliance", "camera", "switch", "wireless"])
            #expect(network.timeZone == "America/Los_Angeles")
            #expect(network.url?.hasPrefix("https://n149.meraki.com/") == true)
            let raw = try #require(
                try JSONSerialization.jsonObject(with: Data(network.raw.utf8)) as? [String: Any]
            )
            #expect(raw["name"] as? String == network.name)
            #expect(raw["enrollmentString"] is NSNull)
            #expect(raw["isBoundToConfigTemplate"] as? Bool == false)
            #expect(raw.count == 10)
        }
    }

    @Test func stopsPromptlyWhenTheHostRefusesAPage() async throws {
        struct Enough: Error {}
        try await withMeraki(Self.dataset, settings: ["organization_ids": "100001"]) { meraki in
            meraki.fake.capPages(at: 3)
            let error = try await meraki.failure {
                try await meraki.provider.listNetworks(credentials: MerakiHarness.goodKey) { _ in throw Enough() }
            }

            #expect(error.status == .cancelled)
            // The first page was refused: the plugin fetched no further page.
            #expect(meraki.fake.requestCount("/organizations/100001/networks") == 1)
        }
    }

    @Test func stopsWhenTheHostCancelsTheCall() async throws {
        try await withMeraki(Self.dataset) { meraki in
            meraki.fake.capPages(at: 1)  // 7 pages per organization, 10 per second each
            let (firstPage, arrived) = AsyncStream.makeStream(of: Void.self)
            let listing = Task {
                try await meraki.provider.listNetworks(credentials: MerakiHarness.goodKey) { _ in arrived.yield() }
            }
            for await _ in firstPage { break }
            listing.cancel()
            let outcome = await listing.result

            #expect(throws: ProviderError.self) { try outcome.get() }
            if case .failure(let error as ProviderError) = outcome {
                #expect(error.status == .cancelled, "\(error)")
            }
            for org in Self.dataset.organizations {
                #expect(meraki.fake.requestCount("/organizations/\(org.id)/networks") < 7)
            }
        }
    }

    @Test func organizationWithAPIAccessOffIsLeftOutUnlessNamed() async throws {
        var dataset = Self.dataset
        dataset.organizations[1].apiEnabled = false
        try await withMeraki(dataset) { meraki in
            let networks = try await meraki.listAll()

            #expect(Set(networks.map(\.organizationID)) == ["100001", "100003"])
            #expect(meraki.fake.requestCount("/organizations/100002/networks") == 0)
            #expect(meraki.logs.entries.contains { $0.level == .warning && $0.message.contains("organization 100002") })
        }
        try await withMeraki(dataset, settings: ["organization_ids": "100002"]) { meraki in
            let error = try await meraki.failure { try await meraki.listAll() }

            #expect(error.status == .permissionDenied)
            #expect(error.message.contains("organization 100002 (Org 2) has API access off"), "\(error.message)")
        }
    }

    @Test func organizationIDsLimitTheListing() async throws {
        try await withMeraki(Self.dataset, settings: ["organization_ids": "100002"]) { meraki in
            let networks = try await meraki.listAll()

            #expect(networks.count == 7)
            #expect(networks.allSatisfy { $0.organizationID == "100002" })
            #expect(
                meraki.fake.requests.map(\.path) == ["/api/v1/organizations", "/api/v1/organizations/100002/networks"]
            )
        }
    }

    @Test func organizationFailureIsNamedByIDAndFailsTheListing() async throws {
        try await withMeraki(Self.dataset) { meraki in
            meraki.fake.inject(
                .status(403, errors: ["You don't have permission to access this organization"]),
                at: "/organizations/100002/networks",
                times: 10
            )
            let error = try await meraki.failure { try await meraki.listAll() }

            #expect(error.status == .permissionDenied)
            #expect(error.message.contains("organization 100002 (Org 2)"), "\(error.message)")
            #expect(error.message.contains("You don't have permission to access this organization"))
            #expect(meraki.fake.requestCount("/organizations/100002/networks") == 1)
        }
    }

    @Test(arguments: [FakeMerakiFault.truncatedBody, .malformedBody])
    func brokenBodyIsInternalNamingTheEndpoint(fault: FakeMerakiFault) async throws {
        try await withMeraki(Self.dataset) { meraki in
            meraki.fake.inject(fault, at: "/organizations/100001/networks")
            let error = try await meraki.failure { try await meraki.listAll() }

            #expect(error.status == .internal)
            #expect(
                error.message.contains("/organizations/100001/networks: malformed JSON from Meraki"),
                "\(error.message)"
            )
            #expect(error.message.contains("organization 100001"))
        }
    }

    @Test func recoversFromTooManyRequestsHonouringRetryAfter() async throws {
        try await withMeraki(Self.dataset) { meraki in
            meraki.fake.inject(.tooManyRequests(retryAfterSeconds: 1), at: "/organizations/100003/networks")
            let started = ContinuousClock.now
            let networks = try await meraki.listAll()

            #expect(networks.count == 21)
            #expect(meraki.fake.requestCount("/organizations/100003/networks") == 2)
            #expect(ContinuousClock.now - started >= .seconds(1))  // the retry waited as Meraki asked
        }
    }

    @Test func recoversFromServiceUnavailableThenSuccess() async throws {
        try await withMeraki(Self.dataset) { meraki in
            meraki.fake.inject(.serviceUnavailable, at: "/organizations")
            let networks = try await meraki.listAll()

            #expect(networks.count == 21)
            #expect(meraki.fake.requestCount("/organizations") == 2)
        }
    }

    @Test(arguments: [
        (FakeMerakiFault.unavailable(retryAfterSeconds: 0), ProviderStatus.unavailable),
        (.tooManyRequests(retryAfterSeconds: 0), .rateLimited),
    ])
    func retriesExhaustedFailTheListingNamingTheOrganization(
        fault: FakeMerakiFault,
        status: ProviderStatus
    )
        async throws
    {
        try await withMeraki(Self.dataset) { meraki in
            meraki.fake.inject(fault, at: "/organizations/100002/networks", times: 20)
            let error = try await meraki.failure { try await meraki.listAll() }

            #expect(error.status == status)
            #expect(error.message.contains("organization 100002 (Org 2)"), "\(error.message)")
            // The first attempt and the host's retries; nothing after them.
            #expect((2...10).contains(meraki.fake.requestCount("/organizations/100002/networks")))
        }
    }

    @Test func followsARedirectToAShardAndPagesThere() async throws {
        try await withMeraki(Self.dataset) { meraki in
            meraki.fake.capPages(at: 3)
            meraki.fake.inject(.redirectToShard, at: "/organizations/100001/networks")
            let networks = try await meraki.listAll()

            #expect(networks.count == 21)
            let org1 = meraki.fake.requests.filter { $0.path == "/api/v1/organizations/100001/networks" }
            #expect(org1.count == 4)  // the redirected request, then its 3 pages on the shard
            #expect(org1.allSatisfy { $0.authorization == "Bearer \(FakeMerakiDataset.goodKey)" })
        }
    }

    @Test func neverSendsTheKeyToAnotherHostAfterARedirect() async throws {
        let foreignHost: (FakeMeraki) -> [String] = { ["localhost:\($0.port)"] }
        try await withMeraki(Self.dataset, extraHosts: foreignHost) { meraki in
            let foreign = "localhost:\(meraki.fake.port)"
            meraki.fake.inject(.redirect(authority: foreign), at: "/organizations")
            let error = try await meraki.failure { try await meraki.listAll() }

            #expect(error.status == .permissionDenied)
            #expect(error.message.contains("outside the configured cloud"), "\(error.message)")
            let atForeign = meraki.fake.requests.filter { $0.authority == foreign }
            #expect(atForeign.allSatisfy { $0.authorization == nil })
        }
    }
}
