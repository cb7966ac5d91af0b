import PatchbayTestSupport
import PluginHost
import Testing

@Suite struct MistValidateTests {
    @Test func goodTokenListsOrgPrivilegesOnlyWithOneRequest() async throws {
        try await withMist { mist in
            let validation = try await mist.provider.validate(credentials: MistHarness.goodToken)

            #expect(validation.account == "mia@example.com")
            #expect(validation.organizations.map(\.id) == (1...3).map(FakeMistDataset.organizationID))
            #expect(validation.organizations.map(\.name) == ["Org 1", "Org 2", "Org 3"])
            #expect(mist.fake.requests.map(\.path) == ["/api/v1/self"])
            #expect(mist.fake.requests.first?.authorization == "Token " + FakeMistDataset.goodToken)
        }
    }

    @Test func badTokenIsUnauthenticatedWithMistsMessage() async throws {
        try await withMist { mist in
            let error = try await mist.failure {
                try await mist.provider.validate(credentials: MistHarness.badToken)
            }

            #expect(error.status == .unauthenticated)
            #expect(error.message.contains("GET /self: Mist answered 401: Invalid token."), "\(error.message)")
            #expect(error.message.contains("check the api_token credential"))
            #expect(!error.message.contains("not-a-mist-token"))
            #expect(mist.fake.requests.count == 1)
        }
    }

    @Test func forbiddenIsPermissionDenied() async throws {
        try await withMist { mist in
            mist.fake.inject(.status(403, detail: "You do not have permission to perform this action."), at: "/self")
            let error = try await mist.failure {
                try await mist.provider.validate(credentials: MistHarness.goodToken)
            }

            #expect(error.status == .permissionDenied)
            #expect(error.message.contains("GET /self: Mist answered 403: You do not have permission"))
        }
    }

    @Test func malformedJSONIsInternalNamingTheEndpoint() async throws {
        try await withMist { mist in
            mist.fake.inject(.malformedBody, at: "/self")
            let error = try await mist.failure {
                try await mist.provider.validate(credentials: MistHarness.goodToken)
            }

            #expect(error.status == .internal)
            #expect(error.message.contains("GET /self: Mist answered malformed JSON"), "\(error.message)")
        }
    }

    @Test(arguments: [
        (["api_token": ""], "non-empty \"api_token\""),
        (["token": "x"], "non-empty \"api_token\""),
    ])
    func missingTokenIsInvalidArgumentWithoutARequest(fields: [String: String], message: String) async throws {
        try await withMist { mist in
            let error = try await mist.failure {
                try await mist.provider.validate(credentials: ProviderCredentials(fields: fields))
            }

            #expect(error.status == .invalidArgument)
            #expect(error.message.contains(message))
            #expect(mist.fake.requests.isEmpty)
        }
    }

    @Test func orgIDsNarrowTheOrganizationsInTheirOrder() async throws {
        let wanted = [FakeMistDataset.organizationID(3), FakeMistDataset.organizationID(1)]
        try await withMist(settings: ["org_ids": wanted.joined(separator: ", ")]) { mist in
            let validation = try await mist.provider.validate(credentials: MistHarness.goodToken)

            #expect(validation.organizations.map(\.id) == wanted)
        }
    }

    @Test func orgIDNotVisibleIsNotFound() async throws {
        let missing = FakeMistDataset.organizationID(42)
        try await withMist(settings: ["org_ids": missing]) { mist in
            let error = try await mist.failure {
                try await mist.provider.validate(credentials: MistHarness.goodToken)
            }

            #expect(error.status == .notFound)
            #expect(error.message.contains("organization \(missing) is not visible to this API token"))
        }
    }
}
