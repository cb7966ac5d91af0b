import Foundation
import PatchbayTestSupport
import Testing

/// The success path of every route, with the shapes a client relies on.
@Suite struct RouteTests {
    @Test(arguments: TestBackend.all) func identityAndWorkspaces(_ backend: TestBackend) async throws {
        try await withAPIServer(backend: backend) { api in
            let me = try await api.call("GET", "/v1/me", token: api.owner)
            #expect((me.object["user"] as? [String: Any])?["name"] as? String == "ops")
            #expect((me.object["workspaces"] as? [[String: Any]])?.count == 2)
            #expect(me.object["installation_admin"] as? Bool == true)
            let strangerMe = try await api.call("GET", "/v1/me", token: api.stranger)
            #expect(strangerMe.object["installation_admin"] as? Bool == false)
            // Workspaces are the installation administrators' to create (issue 15 item 1): sam owns globex only.
            let refused = try await api.call("POST", "/v1/workspaces", token: api.stranger, body: #"{"name":"x"}"#)
            #expect(refused.status == 403)
            #expect(refused.errorCode == "permission_denied")
            let created = try await api.call(
                "POST",
                "/v1/workspaces",
                token: api.owner,
                body: #"{"name":"initech"}"#
            )
            #expect(created.status == 201)
            #expect(created.object["role"] as? String == "owner")
            let list = try await api.call("GET", "/v1/workspaces", token: api.owner)
            let names = (list.object["workspaces"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names?.sorted() == ["acme", "globex", "initech"])
            let byName = try await api.call("GET", "/v1/workspaces/initech", token: api.owner)
            let byID = try await api.call("GET", "/v1/workspaces/\(created.object["id"] ?? "")", token: api.owner)
            #expect(byName.status == 200)
            #expect(byName.text == byID.text)
            let duplicate = try await api.call("POST", "/v1/workspaces", token: api.owner, body: #"{"name":"acme"}"#)
            #expect(duplicate.status == 409)
            #expect(duplicate.errorCode == "conflict")
        }
    }

    @Test(arguments: TestBackend.all) func providersDescribeTheFormAndTheFailures(_ backend: TestBackend) async throws {
        try await withAPIServer(backend: backend) { api in
            let response = try await api.call("GET", "/v1/providers", token: api.viewer)
            let providers = try #require(response.object["providers"] as? [[String: Any]])
            let meraki = try #require(providers.first { $0["id"] as? String == "meraki" })
            #expect(meraki["loaded"] as? Bool == true)
            let fields = try #require(meraki["credential_fields"] as? [[String: Any]])
            let apiKey = try #require(fields.first { $0["name"] as? String == "api_key" })
            #expect(apiKey["secret"] as? Bool == true)
            #expect(apiKey["required"] as? Bool == true)
            #expect(apiKey["label"] is String)
            #expect(!(meraki["settings"] as? [[String: Any]] ?? []).isEmpty)
            let missing = try #require(providers.first { $0["id"] as? String == "missing" })
            #expect(missing["loaded"] as? Bool == false)
            #expect((missing["error"] as? String)?.isEmpty == false)
            #expect(!response.text.contains("missing.so"), "no server paths in answers")
        }
    }

    @Test(arguments: TestBackend.all) func integrationsSyncsAndNetworks(_ backend: TestBackend) async throws {
        try await withAPIServer(.generated(organizations: 2, networksPerOrganization: 5), backend: backend) { api in
            let id = try await api.createIntegration()
            let list = try await api.call("GET", "/v1/workspaces/acme/integrations?refresh=true", token: api.viewer)
            let listed = try #require((list.object["integrations"] as? [[String: Any]])?.first)
            #expect((listed["counts"] as? [String: Any])?["networks"] as? Int == 10)
            #expect(listed["credentials"] == nil)
            let run = try await api.syncToEnd(id)
            #expect(run["status"] as? String == "succeeded")
            #expect(run["created"] as? Int == 10)
            let history = try await api.call("GET", "/v1/integrations/\(id)/syncs?limit=5", token: api.viewer)
            #expect((history.object["syncs"] as? [[String: Any]])?.count == 1)
            let shown = try await api.call("GET", "/v1/integrations/\(id)", token: api.viewer)
            #expect(shown.object["last_sync_status"] as? String == "succeeded")

            var seen: [Int64] = []
            var path = "/v1/workspaces/\(api.acme)/networks?limit=4&integration=\(id)&status=active"
            while true {
                let page = try await api.call("GET", path, token: api.viewer)
                let networks = try #require(page.object["networks"] as? [[String: Any]])
                seen += networks.compactMap { ($0["id"] as? NSNumber)?.int64Value }
                #expect(networks.allSatisfy { $0["config"] is [String: Any] })
                guard let cursor = page.object["next_cursor"] as? NSNumber else { break }
                path = "/v1/workspaces/\(api.acme)/networks?limit=4&after=\(cursor)"
            }
            #expect(seen.count == 10)
            #expect(seen == seen.sorted())
            let one = try await api.call("GET", "/v1/networks/\(try #require(seen.first))", token: api.viewer)
            #expect(one.object["integration_id"] as? Int == Int(id))
            #expect((one.object["config"] as? [String: Any])?["id"] is String)

            #expect(try await api.call("DELETE", "/v1/integrations/\(id)", token: api.owner).status == 204)
            #expect(try await api.call("GET", "/v1/integrations/\(id)", token: api.owner).status == 404)
            let empty = try await api.call("GET", "/v1/workspaces/acme/networks", token: api.owner)
            #expect((empty.object["networks"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: TestBackend.all) func createWithoutValidationSkipsTheProvider(_ backend: TestBackend) async throws
    {
        try await withAPIServer(backend: backend) { api in
            let body =
                #"{"provider":"meraki","name":"Offline","credentials":{"api_key":"not-checked"},"validate":false}"#
            let response = try await api.call("POST", "/v1/workspaces/acme/integrations", token: api.owner, body: body)
            #expect(response.status == 201)
            #expect(api.fake.requests.isEmpty)
        }
    }
}

/// Issue 15 item 15: a method a route does not have is 405 with `Allow`, not 404 (the audit saw TRACE answer 404).
@Suite struct MethodNotAllowedTests {
    @Test(arguments: [
        ("TRACE", "/v1/me", "GET"), ("PATCH", "/v1/workspaces", "GET, POST"),
        ("PUT", "/v1/integrations/7", "DELETE, GET, PATCH"), ("DELETE", "/v1/workspaces/acme/networks", "GET"),
    ])
    func aMethodTheRouteLacksIs405WithAllow(method: String, path: String, allow: String) async throws {
        try await withAPIServer { api in
            let response = try await api.call(method, path, token: api.owner)
            #expect(response.status == 405, "\(method) \(path): \(response.text)")
            #expect(response.errorCode == "invalid_argument")
            #expect(response.header("allow") == allow)
            #expect(try await api.call("GET", "/v1/nowhere", token: api.owner).status == 404)
        }
    }
}
