import Foundation
import Logging
import PatchbayTestSupport
import Testing

/// Credentials are write-only and tokens never reach a log: a canary API key and the callers' tokens are looked
/// for in every response body and every log line the test produced.
@Suite struct SecrecyTests {
    @Test func canaryKeyNeverComesBackInAResponseOrALog() async throws {
        let canary = "canary-\(UUID().uuidString)"
        var dataset = FakeMerakiDataset.generated(organizations: 1, networksPerOrganization: 3)
        dataset.apiKeys.insert(canary)
        try await withAPIServer(dataset) { api in
            let create = #"{"provider":"meraki","name":"HQ","credentials":{"api_key":"\#(canary)"}}"#
            var responses: [APIResponse] = []
            responses.append(
                try await api.call("POST", "/v1/workspaces/acme/integrations", token: api.owner, body: create)
            )
            let id = try #require(responses[0].object["id"] as? NSNumber)
            responses.append(try await api.call("GET", "/v1/workspaces/acme/integrations", token: api.owner))
            responses.append(try await api.call("GET", "/v1/integrations/\(id)", token: api.owner))
            _ = try await api.syncToEnd(id.int64Value)
            responses.append(try await api.call("GET", "/v1/integrations/\(id)/syncs", token: api.owner))
            responses.append(try await api.call("GET", "/v1/workspaces/acme/networks", token: api.owner))
            // Failures that happen after the key was read must not echo it either.
            responses.append(
                try await api.call("POST", "/v1/workspaces/acme/integrations", token: api.owner, body: create)
            )
            api.fake.inject(.status(401, errors: ["Invalid API key"]), at: "/organizations")
            responses.append(
                try await api.call("GET", "/v1/workspaces/acme/integrations?refresh=true", token: api.owner)
            )
            let rejected = #"{"provider":"meraki","name":"Bad","credentials":{"api_key":"\#(canary)x"}}"#
            responses.append(
                try await api.call("POST", "/v1/workspaces/acme/integrations", token: api.owner, body: rejected)
            )
            let wrongType = #"{"provider":"meraki","name":"T","credentials":{"api_key":"\#(canary)","n":1}}"#
            responses.append(
                try await api.call("POST", "/v1/workspaces/acme/integrations", token: api.owner, body: wrongType)
            )

            #expect(responses[0].status == 201)
            #expect(responses[5].status == 409)
            #expect(responses[7].status == 422)
            #expect(responses[8].status == 400)
            for response in responses {
                #expect(!response.text.contains(canary), "\(response.text)")
            }
            let lines = api.logs.entries.map(\.line)
            #expect(!lines.isEmpty)
            for secret in [canary, api.owner, api.viewer, api.member, api.stranger] {
                #expect(!lines.contains { $0.contains(secret) })
            }
            // The fake saw the key as a bearer token: the plaintext reached the provider and nowhere else.
            #expect(api.fake.requests.contains { $0.authorization == "Bearer \(canary)" })
        }
    }

    @Test func requestLogNamesTheRoutePatternStatusAndRequestID() async throws {
        try await withAPIServer { api in
            _ = try await api.call("GET", "/v1/workspaces/acme?secret=1", token: api.owner)
            let entry = try #require(api.logs.entries.last { $0.message == "request" })
            #expect("\(entry.metadata["route"] ?? "")" == "/v1/workspaces/{workspace}")
            #expect("\(entry.metadata["method"] ?? "")" == "GET")
            #expect("\(entry.metadata["status"] ?? "")" == "200")
            #expect(entry.metadata["request_id"] != nil)
            #expect(entry.metadata["duration_ms"] != nil)
            #expect(!entry.line.contains("secret=1"))
        }
    }
}
