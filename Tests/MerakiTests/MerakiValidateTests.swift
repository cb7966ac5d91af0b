import PatchbayTestSupport
import PluginHost
import Testing

@Suite struct MerakiValidateTests {
    @Test func goodKeyListsOrganizationsAndAccount() async throws {
        try await withMeraki { meraki in
            let validation = try await meraki.provider.validate(credentials: MerakiHarness.goodKey)

            #expect(validation.account == "miles@example.com")
            #expect(validation.organizations.map(\.id) == ["100001", "100002", "100003"])
            #expect(validation.organizations.map(\.name) == ["Org 1", "Org 2", "Org 3"])
            #expect(
                meraki.fake.requests.map(\.path) == ["/api/v1/organizations", "/api/v1/administered/identities/me"]
            )
            #expect(meraki.fake.requests.first?.query["perPage"] == ["9000"])
        }
    }

    @Test func badKeyIsUnauthenticatedWithMerakisMessageAndNotRetried() async throws {
        try await withMeraki { meraki in
            let error = try await meraki.failure {
                try await meraki.provider.validate(credentials: MerakiHarness.badKey)
            }

            #expect(error.status == .unauthenticated)
            #expect(error.message.contains("/organizations: Meraki answered 401: Invalid API key"))
            #expect(error.message.contains("check the api_key credential"))
            #expect(!error.message.contains("not-a-valid-key"))
            #expect(meraki.fake.requests.count == 1)
        }
    }

    @Test func keyWithoutOrganizationsSaysSo() async throws {
        try await withMeraki(FakeMerakiDataset(organizations: [])) { meraki in
            let error = try await meraki.failure {
                try await meraki.provider.validate(credentials: MerakiHarness.goodKey)
            }

            #expect(error.status == .permissionDenied)
            #expect(error.message.contains("this API key sees no organization"))
        }
    }

    @Test func organizationIDsNarrowTheOrganizations() async throws {
        try await withMeraki(settings: ["organization_ids": "100003, 100001"]) { meraki in
            let validation = try await meraki.provider.validate(credentials: MerakiHarness.goodKey)

            #expect(validation.organizations.map(\.id) == ["100003", "100001"])
        }
    }

    @Test func organizationIDNotVisibleIsNotFound() async throws {
        try await withMeraki(settings: ["organization_ids": "100001,999999"]) { meraki in
            let error = try await meraki.failure {
                try await meraki.provider.validate(credentials: MerakiHarness.goodKey)
            }

            #expect(error.status == .notFound)
            #expect(error.message.contains("organization 999999 is not visible to this API key"))
        }
    }

    @Test(arguments: [
        (["region": "mars"], "unknown region 'mars'"),
        (["region": "china"], "region 'china' and base_url"),
        (["base_url": "api.meraki.com/api/v1"], "is not an absolute http(s) URL"),
    ])
    func badSettingsKeepThePluginFromLoading(settings: [String: String], message: String) async throws {
        try await withMerakiRegistry(.generated(organizations: 1, networksPerOrganization: 1), settings: settings) {
            fake,
            registry,
            _ in
            let status = try #require(registry.plugins.first)

            #expect(!status.isLoaded)
            #expect(status.error?.contains("INVALID_ARGUMENT") == true)
            #expect(status.error?.contains(message) == true, "\(status.error ?? "")")
            #expect(fake.requests.isEmpty)
        }
    }
}
