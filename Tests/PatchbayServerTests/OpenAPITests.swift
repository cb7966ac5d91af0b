import Foundation
import Hummingbird
import Logging
import PatchbayServer
import PatchbayTestSupport
import Testing
import Yams

/// Keeps `/v1/openapi.yaml` true: its operations are exactly the router's routes, and every status it documents
/// for an operation is one the server really returned to a call in `tour` (and no call got an undocumented one).
@Suite struct OpenAPITests {
    @Test func documentListsExactlyTheRegisteredRoutes() async throws {
        try await withAPIServer { api in
            let served = try await api.call("GET", "/v1/openapi.yaml", token: nil)
            #expect(served.status == 200)
            #expect(served.header("content-type")?.hasPrefix("application/yaml") == true)
            // Valid YAML, an OpenAPI 3.1 document, and every path under /v1.
            let parsed = try #require(try Yams.load(yaml: served.text) as? [String: Any])
            #expect(parsed["openapi"] as? String == "3.1.0")
            let paths = try #require(parsed["paths"] as? [String: Any])
            #expect(paths.keys.allSatisfy { $0.hasPrefix("/v1/") })
            let documented = Set(OpenAPIOperations(yaml: served.text).statuses.keys)
            #expect(Set(documented.map(\.path)) == Set(paths.keys))
            let router = buildRouter(
                services: APIServices(context: api.context),
                logger: Logger(label: "routes")
            )
            // The console's pages and files share the router; the document describes the API under /v1.
            let registered = Set(
                router.routes.map { Operation(method: $0.method.rawValue, path: "\($0.path)") }
                    .filter { $0.path.hasPrefix("/v1/") }
            )
            #expect(
                documented == registered,
                "only documented: \(documented.subtracting(registered)); only routed: \(registered.subtracting(documented))"
            )
        }
    }

    @Test func everyDocumentedStatusIsOneARealCallReturns() async throws {
        try await withAPIServer(transport: .socket) { api in
            try await tour(api)
            let document = try await api.call("GET", "/v1/openapi.yaml", token: nil)
            let documented = OpenAPIOperations(yaml: document.text).triples
            let observed = api.observedTriples()
            #expect(
                observed.subtracting(documented).isEmpty,
                "undocumented: \(observed.subtracting(documented).sorted())"
            )
            #expect(
                documented.subtracting(observed).isEmpty,
                "never seen: \(documented.subtracting(observed).sorted())"
            )
            #expect(!observed.contains { $0.hasSuffix(" 500") })
        }
    }

    /// One call for every documented (operation, status) pair.
    private func tour(_ api: APIHarness) async throws {
        let (owner, viewer, stranger) = (api.owner, api.viewer, api.stranger)
        let big = #"{"name":""# + String(repeating: "x", count: 70_000) + #""}"#
        let integration = try await api.createIntegration()
        let doomed = try await api.createIntegration(named: "Doomed")
        let run = try await api.syncToEnd(integration)
        let runID = try #require(run["id"] as? NSNumber).int64Value
        let networks = try await api.call("GET", "/v1/workspaces/acme/networks?limit=1", token: owner)
        let networkID = try #require(
            ((networks.object["networks"] as? [[String: Any]])?.first?["id"] as? NSNumber)?.int64Value
        )
        let token = try await api.call("POST", "/v1/tokens", token: owner, body: #"{"name":"ci"}"#)
        let tokenID = try #require(token.object["token_id"] as? NSNumber).int64Value
        let calls: [(String, String, String?, String?)] = [
            ("GET", "/v1/me", owner, nil), ("GET", "/v1/me", nil, nil),
            ("GET", "/v1/workspaces", owner, nil), ("GET", "/v1/workspaces", nil, nil),
            ("POST", "/v1/workspaces", owner, #"{"name":"initech"}"#), ("POST", "/v1/workspaces", owner, "{"),
            ("POST", "/v1/workspaces", owner, #"{"name":"acme"}"#), ("POST", "/v1/workspaces", owner, big),
            ("POST", "/v1/workspaces", nil, #"{"name":"x"}"#), ("POST", "/v1/workspaces", viewer, #"{"name":"x"}"#),
            ("GET", "/v1/workspaces/acme", owner, nil), ("GET", "/v1/workspaces/acme", stranger, nil),
            ("GET", "/v1/workspaces/acme", nil, nil),
            ("GET", "/v1/providers", owner, nil), ("GET", "/v1/providers", nil, nil),
            (
                "POST", "/v1/workspaces/acme/integrations", owner,
                #"{"provider":"meraki","name":"X","credentials":{},"extra":1}"#
            ),
            (
                "POST", "/v1/workspaces/acme/integrations", viewer,
                #"{"provider":"meraki","name":"X","credentials":{"api_key":"k"}}"#
            ),
            (
                "POST", "/v1/workspaces/acme/integrations", stranger,
                #"{"provider":"meraki","name":"X","credentials":{"api_key":"k"}}"#
            ),
            ("POST", "/v1/workspaces/acme/integrations", owner, big),
            (
                "POST", "/v1/workspaces/acme/integrations", owner,
                #"{"provider":"meraki","name":"X","credentials":{"api_key":"wrong-key-123"}}"#
            ),
            ("POST", "/v1/workspaces/acme/integrations", nil, "{}"),
            ("GET", "/v1/workspaces/acme/integrations", owner, nil),
            ("GET", "/v1/workspaces/acme/integrations?refresh=maybe", owner, nil),
            ("GET", "/v1/workspaces/acme/integrations", stranger, nil),
            ("GET", "/v1/workspaces/acme/integrations", nil, nil),
            ("GET", "/v1/integrations/\(integration)", owner, nil),
            ("GET", "/v1/integrations/\(integration)", stranger, nil),
            ("GET", "/v1/integrations/\(integration)", nil, nil),
            ("PATCH", "/v1/integrations/\(integration)", owner, #"{"sync_interval_seconds":3600}"#),
            ("PATCH", "/v1/integrations/\(integration)", owner, #"{"sync_interval_seconds":0}"#),
            ("PATCH", "/v1/integrations/\(integration)", owner, #"{"name":"Doomed"}"#),
            ("PATCH", "/v1/integrations/\(integration)", viewer, #"{"name":"X"}"#),
            ("PATCH", "/v1/integrations/\(integration)", stranger, #"{"name":"X"}"#),
            ("PATCH", "/v1/integrations/\(integration)", nil, #"{"name":"X"}"#),
            ("PATCH", "/v1/integrations/\(integration)", owner, #"{"sync_interval_seconds":null}"#),
            ("DELETE", "/v1/syncs/\(runID)", owner, nil), ("DELETE", "/v1/syncs/\(runID)", viewer, nil),
            ("DELETE", "/v1/syncs/\(runID)", stranger, nil), ("DELETE", "/v1/syncs/\(runID)", nil, nil),
            ("DELETE", "/v1/integrations/\(doomed)", viewer, nil), ("DELETE", "/v1/integrations/\(doomed)", owner, nil),
            ("DELETE", "/v1/integrations/\(doomed)", owner, nil), ("DELETE", "/v1/integrations/\(doomed)", nil, nil),
            ("POST", "/v1/integrations/\(integration)/syncs", viewer, nil),
            ("POST", "/v1/integrations/\(integration)/syncs", stranger, nil),
            ("POST", "/v1/integrations/\(integration)/syncs", nil, nil),
            ("GET", "/v1/integrations/\(integration)/syncs", owner, nil),
            ("GET", "/v1/integrations/\(integration)/syncs?limit=0", owner, nil),
            ("GET", "/v1/integrations/\(integration)/syncs", stranger, nil),
            ("GET", "/v1/integrations/\(integration)/syncs", nil, nil),
            ("GET", "/v1/syncs/\(runID)", stranger, nil), ("GET", "/v1/syncs/\(runID)", nil, nil),
            ("GET", "/v1/workspaces/acme/networks?status=bogus", owner, nil),
            ("GET", "/v1/workspaces/acme/networks", stranger, nil), ("GET", "/v1/workspaces/acme/networks", nil, nil),
            ("GET", "/v1/networks/\(networkID)", owner, nil), ("GET", "/v1/networks/\(networkID)", stranger, nil),
            ("GET", "/v1/networks/\(networkID)", nil, nil),
            ("GET", "/v1/tokens", owner, nil), ("GET", "/v1/tokens", nil, nil),
            ("POST", "/v1/tokens", owner, #"{"name":7}"#), ("POST", "/v1/tokens", owner, big),
            ("POST", "/v1/tokens", nil, #"{"name":"x"}"#),
            ("DELETE", "/v1/tokens/\(tokenID)", owner, nil), ("DELETE", "/v1/tokens/\(tokenID)", stranger, nil),
            ("DELETE", "/v1/tokens/\(tokenID)", nil, nil),
        ]
        for (method, path, token, body) in calls {
            _ = try await api.call(method, path, token: token, body: body)
        }
        try await consoleTour(api, integration: integration)
        // 202 then 409: the fake holds the first sync in a one-second Retry-After so the second finds it running.
        api.fake.inject(.tooManyRequests(retryAfterSeconds: 1), at: "/organizations")
        let first = try await api.call("POST", "/v1/integrations/\(integration)/syncs", token: owner)
        let second = try await api.call("POST", "/v1/integrations/\(integration)/syncs", token: owner)
        #expect(first.status == 202)
        #expect(second.status == 409)
        let runID2 = try #require(first.object["run_id"] as? NSNumber).int64Value
        #expect(((second.object["error"] as? [String: Any])?["run_id"] as? NSNumber)?.int64Value == runID2)
        // 202 then 200: cancelling the running sync asks its worker to stop; a second cancel finds it cancelled.
        try await api.waitUntilRunning(runID2)
        #expect(try await api.call("DELETE", "/v1/syncs/\(runID2)", token: owner).status == 202)
        #expect(try await api.waitForRun(runID2)["status"] as? String == "cancelled")
        #expect(try await api.call("DELETE", "/v1/syncs/\(runID2)", token: owner).status == 200)
    }
}

extension OpenAPITests {
    /// The routes the console added (issue 14): sessions, members, per-row counts, validation, organizations.
    fileprivate func consoleTour(_ api: APIHarness, integration: Int64) async throws {
        let (owner, viewer, stranger) = (api.owner, api.viewer, api.stranger)
        let big = #"{"token":""# + String(repeating: "x", count: 70_000) + #""}"#
        let origin = ["Origin": "http://127.0.0.1:\(api.client.port)"]
        let good = #"{"provider":"meraki","credentials":{"api_key":"\#(FakeMerakiDataset.goodKey)"}}"#
        let calls: [(String, String, String?, String?)] = [
            ("GET", "/v1/integrations/\(integration)/counts", owner, nil),
            ("GET", "/v1/integrations/\(integration)/counts?refresh=maybe", owner, nil),
            ("GET", "/v1/integrations/\(integration)/counts", stranger, nil),
            ("GET", "/v1/integrations/\(integration)/counts", nil, nil),
            ("POST", "/v1/workspaces/acme/integrations/validate", owner, good),
            ("POST", "/v1/workspaces/acme/integrations/validate", owner, #"{"provider":"meraki","extra":1}"#),
            ("POST", "/v1/workspaces/acme/integrations/validate", nil, good),
            ("POST", "/v1/workspaces/acme/integrations/validate", viewer, good),
            ("POST", "/v1/workspaces/acme/integrations/validate", stranger, good),
            (
                "POST", "/v1/workspaces/acme/integrations/validate", owner,
                #"{"provider":"meraki","credentials":{"api_key":"wrong-key-123"}}"#
            ),
            ("GET", "/v1/workspaces/acme/organizations", owner, nil),
            ("GET", "/v1/workspaces/acme/organizations", stranger, nil),
            ("GET", "/v1/workspaces/acme/organizations", nil, nil),
            ("GET", "/v1/workspaces/acme/members", owner, nil), ("GET", "/v1/workspaces/acme/members", viewer, nil),
            ("GET", "/v1/workspaces/acme/members", stranger, nil), ("GET", "/v1/workspaces/acme/members", nil, nil),
            ("POST", "/v1/workspaces/acme/members", owner, #"{"name":"carol","role":"member"}"#),
            ("POST", "/v1/workspaces/acme/members", owner, #"{"name":"carol","role":"member"}"#),
            ("POST", "/v1/workspaces/acme/members", owner, #"{"name":"dave","role":"chief"}"#),
            ("POST", "/v1/workspaces/acme/members", viewer, #"{"name":"erin","role":"viewer"}"#),
            ("POST", "/v1/workspaces/acme/members", stranger, #"{"name":"erin","role":"viewer"}"#),
            ("POST", "/v1/workspaces/acme/members", nil, #"{"name":"erin","role":"viewer"}"#),
            ("GET", "/v1/sessions", owner, nil), ("GET", "/v1/sessions", nil, nil),
            ("POST", "/v1/sessions", nil, #"{"token":"pbt_nope"}"#), ("POST", "/v1/sessions", nil, #"{"tok":1}"#),
            ("POST", "/v1/sessions", nil, big), ("DELETE", "/v1/sessions/current", owner, nil),
            ("DELETE", "/v1/sessions/current", nil, nil),
        ]
        for (method, path, token, body) in calls {
            _ = try await api.call(method, path, token: token, body: body)
        }
        let forged = try await api.call(
            "POST",
            "/v1/sessions",
            token: nil,
            body: #"{"token":"\#(owner)"}"#,
            headers: ["Origin": "https://evil.example"]
        )
        #expect(forged.status == 403)
        let signIn = try await api.call(
            "POST",
            "/v1/sessions",
            token: nil,
            body: #"{"token":"\#(owner)"}"#,
            headers: origin
        )
        #expect(signIn.status == 201)
        let cookie = try #require(signIn.header("set-cookie")?.split(separator: ";").first.map(String.init))
        let crossSite = try await api.call("DELETE", "/v1/sessions/current", token: nil, headers: ["Cookie": cookie])
        #expect(crossSite.status == 403)
        let signOut = try await api.call(
            "DELETE",
            "/v1/sessions/current",
            token: nil,
            headers: origin.merging(["Cookie": cookie]) { $1 }
        )
        #expect(signOut.status == 204)
    }
}

/// One operation: method and path template, e.g. `GET /v1/integrations/{id}`.
struct Operation: Hashable, CustomStringConvertible {
    let method: String
    let path: String

    var description: String { "\(method) \(path)" }
}

/// The operations and response statuses an OpenAPI document lists, read from its YAML layout (paths at two spaces,
/// methods at four, statuses at eight).
struct OpenAPIOperations {
    private(set) var statuses: [Operation: Set<Int>] = [:]

    init(yaml: String) {
        var path: String?
        var current: Operation?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: true) {
            let indent = line.prefix { $0 == " " }.count
            let text = line.trimmingCharacters(in: .whitespaces)
            if indent == 2, text.hasPrefix("/v1/"), text.hasSuffix(":") {
                path = String(text.dropLast())
                current = nil
            } else if indent < 2 {
                path = nil
                current = nil
            } else if indent == 4, let path, ["get:", "post:", "delete:", "put:", "patch:"].contains(text) {
                current = Operation(method: String(text.dropLast()).uppercased(), path: path)
                statuses[current ?? Operation(method: "", path: "")] = []
            } else if indent == 8, let operation = current, text.hasPrefix("\""),
                let code = Int(text.dropFirst().prefix(3))
            {
                statuses[operation, default: []].insert(code)
            }
        }
    }

    /// `METHOD /path STATUS` for every documented response.
    var triples: Set<String> {
        Set(statuses.flatMap { operation, codes in codes.map { "\(operation) \($0)" } })
    }
}

extension APIHarness {
    /// `METHOD /route STATUS` of every request the server logged, with the route as its pattern.
    func observedTriples() -> Set<String> {
        Set(
            logs.entries.filter { $0.message == "request" }.compactMap { entry in
                guard let method = entry.metadata["method"], let route = entry.metadata["route"],
                    let status = entry.metadata["status"]
                else { return nil }
                let path = "\(route)".hasPrefix("/") ? "\(route)" : "/\(route)"
                return "\(method) \(path) \(status)"
            }
        )
    }
}
