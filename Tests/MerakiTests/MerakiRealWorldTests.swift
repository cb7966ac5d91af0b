import PatchbayTestSupport
import PluginHost
import Testing

/// What a realistic Meraki organization does that a small fake did not: large objects, relative links, optional
/// fields, long Retry-After waits (issue 15, items 10 to 13).
@Suite struct MerakiRealWorldTests {
    /// 600 networks whose notes make each about 120 KB: a page of 1000 is about 72 MB, over the host's 64 MiB.
    static let heavy = FakeMerakiDataset(organizations: [
        FakeMerakiDataset.Organization(
            id: "100001",
            name: "Big notes",
            networks: (1...600).map { index in
                FakeMerakiDataset.Network(
                    id: "L_\(1_000_000 + index)",
                    name: "Site \(index)",
                    productTypes: ["wireless"],
                    notes: String(repeating: "n", count: 120_000)
                )
            }
        )
    ])

    @Test func aPageTooLargeForTheHostIsAskedAgainAtHalfTheSize() async throws {
        try await withMeraki(Self.heavy) { meraki in
            let networks = try await meraki.listAll()

            #expect(networks.count == 600)
            #expect(Set(networks.map(\.externalID)).count == 600)
            let pages = meraki.fake.requests.filter { $0.path == "/api/v1/organizations/100001/networks" }
            // 1000 did not fit; 500 did, and Meraki's next link kept 500 for the rest.
            #expect(pages.map { $0.query["perPage"]?.first } == ["1000", "500", "500"])
            #expect(pages.map { $0.query["startingAfter"]?.first } == [nil, nil, "L_1000500"])
            #expect(meraki.logs.entries.contains { $0.message.contains("asking for 500 per page") })
        }
    }

    @Test(arguments: [FakeMeraki.LinkStyle.absolutePath, .relativePath])
    func relativeNextLinksAreResolvedAgainstThePageURL(style: FakeMeraki.LinkStyle) async throws {
        try await withMeraki(.generated(organizations: 2, networksPerOrganization: 7)) { meraki in
            meraki.fake.writeLinks(style)
            meraki.fake.capPages(at: 3)
            let networks = try await meraki.listAll()

            #expect(networks.count == 14)
            #expect(meraki.fake.requestCount("/organizations/100001/networks") == 3)
            #expect(meraki.fake.requestCount("/organizations/100002/networks") == 3)
            #expect(meraki.fake.requests.allSatisfy { $0.authorization == "Bearer \(FakeMerakiDataset.goodKey)" })
        }
    }

    @Test func devicesByModelWithoutModelOrTotalCountsWhatIsThere() async throws {
        try await withMeraki(.generated(organizations: 1, networksPerOrganization: 2)) { meraki in
            meraki.fake.inject(
                .body(
                    #"{"counts":[{"model":"MR46","total":5},{"total":2},{"model":"MR36"},{"model":null,"total":null}]}"#
                ),
                at: "/organizations/100001/devices/overview/byModel"
            )
            let counts = try await meraki.provider.counts(credentials: MerakiHarness.goodKey)

            #expect(counts.networks == 2)
            #expect(counts.accessPoints == 7)
        }
    }

    @Test func exhaustedUnavailableRetriesDoNotBlameTheBudgetShare() async throws {
        try await withMeraki(.generated(organizations: 1, networksPerOrganization: 2)) { meraki in
            meraki.fake.inject(.unavailable(retryAfterSeconds: 0), at: "/organizations/100001/networks", times: 20)
            let error = try await meraki.failure { try await meraki.listAll() }

            #expect(error.status == .unavailable)
            #expect(error.message.contains("still answered 503 when retries ran out"), "\(error.message)")
            #expect(!error.message.contains("budget_share"), "\(error.message)")
        }
    }

    @Test func aRetryAfterBeyondTheWaitLimitSaysWhatMerakiAskedAndRetriesNothing() async throws {
        try await withMeraki(.generated(organizations: 1, networksPerOrganization: 2)) { meraki in
            meraki.fake.inject(.tooManyRequests(retryAfterSeconds: 3600), at: "/organizations/100001/networks")
            let error = try await meraki.failure { try await meraki.listAll() }

            #expect(error.status == .rateLimited)
            #expect(error.message.contains("Meraki answered 429 and asked to wait 3600 s; more than the 60 s limit"))
            #expect(!error.message.contains("retries ran out"), "\(error.message)")
            #expect(meraki.fake.requestCount("/organizations/100001/networks") == 1)
        }
    }

    @Test func aMissingIdentityEndpointPointsAtTheBaseURLNotTheOrganizations() async throws {
        try await withMeraki { meraki in
            meraki.fake.inject(.status(404, errors: ["Not found"]), at: "/administered/identities/me")
            let error = try await meraki.failure {
                try await meraki.provider.validate(credentials: MerakiHarness.goodKey)
            }

            #expect(error.status == .notFound)
            #expect(error.message.contains("/administered/identities/me: Meraki answered 404"), "\(error.message)")
            #expect(error.message.contains("check that base_url"), "\(error.message)")
            #expect(!error.message.contains("organization_ids"), "\(error.message)")
        }
    }
}
