import Foundation
import PatchbayTestSupport
import Testing

/// Who may do what: other workspaces' ids are 404 for every method, viewers cannot change anything, revoked tokens
/// stop at once, and requests without a valid bearer token are 401.
@Suite struct AccessTests {
    @Test(arguments: TestBackend.all) func anotherWorkspacesIDsAreNotFoundForEveryMethod(
        _ backend: TestBackend
    ) async throws {
        try await withAPIServer(backend: backend) { api in
            let integration = try await api.createIntegration()
            let run = try await api.syncToEnd(integration)
            let runID = try #require(run["id"] as? NSNumber).int64Value
            let page = try await api.call("GET", "/v1/workspaces/\(api.acme)/networks", token: api.owner)
            let network = try #require(((page.object["networks"] as? [[String: Any]])?.first?["id"] as? NSNumber))
            let integrationBody = #"{"provider":"meraki","name":"X","credentials":{"api_key":"k"},"validate":false}"#
            let calls: [(String, String, String?)] = [
                ("GET", "/v1/workspaces/acme", nil), ("GET", "/v1/workspaces/\(api.acme)", nil),
                ("GET", "/v1/workspaces/acme/integrations", nil),
                ("POST", "/v1/workspaces/acme/integrations", integrationBody),
                ("GET", "/v1/workspaces/acme/networks", nil),
                ("GET", "/v1/workspaces/acme/networks?integration=\(integration)", nil),
                ("GET", "/v1/integrations/\(integration)", nil), ("DELETE", "/v1/integrations/\(integration)", nil),
                ("POST", "/v1/integrations/\(integration)/syncs", nil),
                ("GET", "/v1/integrations/\(integration)/syncs", nil),
                ("GET", "/v1/syncs/\(runID)", nil), ("GET", "/v1/networks/\(network)", nil),
            ]
            for (method, path, body) in calls {
                let response = try await api.call(method, path, token: api.stranger, body: body)
                #expect(response.status == 404, "\(method) \(path): \(response.text)")
                #expect(response.errorCode == "not_found", "\(method) \(path)")
            }
            // Nothing changed for the owner.
            #expect(try await api.call("GET", "/v1/integrations/\(integration)", token: api.owner).status == 200)
            // And the stranger's own filter on an acme integration in globex is not found either.
            let filtered = try await api.call(
                "GET",
                "/v1/workspaces/globex/networks?integration=\(integration)",
                token: api.stranger
            )
            #expect(filtered.status == 404)
        }
    }

    @Test(arguments: TestBackend.all) func viewerCanReadButNotCreateDeleteOrSync(_ backend: TestBackend) async throws {
        try await withAPIServer(backend: backend) { api in
            let integration = try await api.createIntegration()
            let create = try await api.call(
                "POST",
                "/v1/workspaces/acme/integrations",
                token: api.viewer,
                body: #"{"provider":"meraki","name":"V","credentials":{"api_key":"k"}}"#
            )
            #expect(create.status == 403)
            #expect(create.errorCode == "permission_denied")
            #expect(try await api.call("DELETE", "/v1/integrations/\(integration)", token: api.viewer).status == 403)
            #expect(
                try await api.call("POST", "/v1/integrations/\(integration)/syncs", token: api.viewer).status == 403
            )
            #expect(try await api.call("GET", "/v1/integrations/\(integration)", token: api.viewer).status == 200)
            #expect(try await api.call("GET", "/v1/workspaces/acme/networks", token: api.viewer).status == 200)
            // A member may sync but not delete.
            #expect(try await api.call("DELETE", "/v1/integrations/\(integration)", token: api.member).status == 403)
            _ = try await api.syncToEnd(integration, token: api.member)
        }
    }

    @Test(arguments: TestBackend.all) func revokedTokenStopsWorkingAtOnce(_ backend: TestBackend) async throws {
        try await withAPIServer(backend: backend) { api in
            let issued = try await api.call("POST", "/v1/tokens", token: api.owner, body: #"{"name":"laptop"}"#)
            #expect(issued.status == 201)
            let token = try #require(issued.object["token"] as? String)
            let id = try #require(issued.object["token_id"] as? NSNumber)
            #expect(try await api.call("GET", "/v1/me", token: token).status == 200)
            #expect(try await api.call("DELETE", "/v1/tokens/\(id)", token: api.owner).status == 204)
            let after = try await api.call("GET", "/v1/me", token: token)
            #expect(after.status == 401)
            #expect(after.errorCode == "unauthenticated")
            let listed = try await api.call("GET", "/v1/tokens", token: api.owner)
            let tokens = try #require(listed.object["tokens"] as? [[String: Any]])
            #expect(tokens.contains { $0["name"] as? String == "laptop" && $0["revoked"] as? Bool == true })
            #expect(!listed.text.contains(token))
        }
    }

    @Test(arguments: [nil, "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer pbt_unknown", "bearer  x"])
    func requestsWithoutAValidBearerTokenAreUnauthenticated(_ authorization: String?) async throws {
        try await withAPIServer(transport: .socket) { api in
            let headers = authorization.map { ["Authorization": $0] } ?? [:]
            let response = try await api.call("GET", "/v1/me", token: nil, headers: headers)
            #expect(response.status == 401)
            #expect(response.errorCode == "unauthenticated")
        }
    }
}
