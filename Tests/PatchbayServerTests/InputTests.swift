import Foundation
import PatchbayTestSupport
import Testing

/// Bad input of every kind gets a clear 4xx in the one error shape; nothing 500s.
@Suite struct InputTests {
    struct BadRequest: Sendable, CustomTestStringConvertible {
        let method: String
        let path: String
        let body: String?
        let status: Int
        let code: String
        /// A fragment the message must contain, so the client learns what to fix.
        let mentions: String

        var testDescription: String { "\(method) \(path) \(body?.prefix(40) ?? "") → \(status)" }
    }

    static let integrations = "/v1/workspaces/acme/integrations"
    static let badRequests: [BadRequest] = [
        BadRequest(
            method: "POST",
            path: integrations,
            body: "{",
            status: 400,
            code: "invalid_argument",
            mentions: "JSON object"
        ),
        BadRequest(
            method: "POST",
            path: integrations,
            body: "",
            status: 400,
            code: "invalid_argument",
            mentions: "JSON object"
        ),
        BadRequest(
            method: "POST",
            path: integrations,
            body: "[1]",
            status: 400,
            code: "invalid_argument",
            mentions: "JSON object"
        ),
        BadRequest(
            method: "POST",
            path: integrations,
            body: #"{"provider":"meraki","name":"X","credentials":{},"colour":"red"}"#,
            status: 400,
            code: "invalid_argument",
            mentions: "unknown field 'colour'"
        ),
        BadRequest(
            method: "POST",
            path: integrations,
            body: #"{"provider":"meraki","credentials":{}}"#,
            status: 400,
            code: "invalid_argument",
            mentions: "missing field 'name'"
        ),
        BadRequest(
            method: "POST",
            path: integrations,
            body: #"{"provider":"meraki","name":5,"credentials":{}}"#,
            status: 400,
            code: "invalid_argument",
            mentions: "'name' must be a string"
        ),
        BadRequest(
            method: "POST",
            path: integrations,
            body: #"{"provider":"meraki","name":"X","credentials":"k"}"#,
            status: 400,
            code: "invalid_argument",
            mentions: "credentials"
        ),
        BadRequest(
            method: "POST",
            path: integrations,
            body: #"{"provider":"meraki","name":"X","credentials":{"api_key":1}}"#,
            status: 400,
            code: "invalid_argument",
            mentions: "credentials.api_key"
        ),
        BadRequest(
            method: "POST",
            path: integrations,
            body: #"{"provider":"meraki","name":"X","credentials":{"api_key":"k"},"validate":"yes"}"#,
            status: 400,
            code: "invalid_argument",
            mentions: "'validate' must be true or false"
        ),
        BadRequest(
            method: "POST",
            path: integrations,
            body: #"{"provider":"nope","name":"X","credentials":{"api_key":"k"}}"#,
            status: 400,
            code: "invalid_argument",
            mentions: "provider 'nope': not loaded"
        ),
        BadRequest(
            method: "POST",
            path: integrations,
            body: #"{"provider":"meraki","name":"X","credentials":{"token":"k"}}"#,
            status: 400,
            code: "invalid_argument",
            mentions: "unknown field 'token'"
        ),
        BadRequest(
            method: "POST",
            path: integrations,
            body:
                #"{"provider":"meraki","name":"X","credentials":{"api_key":"k"},"settings":{"base_url":"http://evil.example"}}"#,
            status: 400,
            code: "invalid_argument",
            mentions: "base_url"
        ),
        BadRequest(
            method: "POST",
            path: integrations,
            body: #"{"name":""# + String(repeating: "a", count: 65_537) + #""}"#,
            status: 413,
            code: "invalid_argument",
            mentions: "larger than 65536 bytes"
        ),
        BadRequest(
            method: "POST",
            path: "/v1/tokens",
            body: #"{"name":"t","expires_in_seconds":-5}"#,
            status: 400,
            code: "invalid_argument",
            mentions: "out of range; use 1 to 315360000 (10 years)"
        ),
        BadRequest(
            method: "POST",
            path: "/v1/workspaces",
            body: #"{"name":""}"#,
            status: 400,
            code: "invalid_argument",
            mentions: "name"
        ),
        BadRequest(
            method: "GET",
            path: "/v1/workspaces/acme/networks?limit=abc",
            body: nil,
            status: 400,
            code: "invalid_argument",
            mentions: "'limit'"
        ),
        BadRequest(
            method: "GET",
            path: "/v1/workspaces/acme/networks?limit=0",
            body: nil,
            status: 400,
            code: "invalid_argument",
            mentions: "limit 0"
        ),
        BadRequest(
            method: "GET",
            path: "/v1/workspaces/acme/networks?limit=5000",
            body: nil,
            status: 400,
            code: "invalid_argument",
            mentions: "1 to 1000"
        ),
        BadRequest(
            method: "GET",
            path: "/v1/workspaces/acme/networks?after=x",
            body: nil,
            status: 400,
            code: "invalid_argument",
            mentions: "'after'"
        ),
        BadRequest(
            method: "GET",
            path: "/v1/workspaces/acme/networks?integration=x",
            body: nil,
            status: 400,
            code: "invalid_argument",
            mentions: "'integration'"
        ),
        BadRequest(
            method: "GET",
            path: "/v1/workspaces/acme/networks?status=gone",
            body: nil,
            status: 400,
            code: "invalid_argument",
            mentions: "active or removed"
        ),
        BadRequest(
            method: "GET",
            path: "/v1/workspaces/acme/networks?integration=999",
            body: nil,
            status: 404,
            code: "not_found",
            mentions: "integration 999"
        ),
        BadRequest(
            method: "GET",
            path: "/v1/integrations/abc",
            body: nil,
            status: 404,
            code: "not_found",
            mentions: "integration 'abc'"
        ),
        BadRequest(
            method: "GET",
            path: "/v1/integrations/999",
            body: nil,
            status: 404,
            code: "not_found",
            mentions: "integration 999"
        ),
        BadRequest(
            method: "GET",
            path: "/v1/syncs/999",
            body: nil,
            status: 404,
            code: "not_found",
            mentions: "sync run 999"
        ),
        BadRequest(
            method: "GET",
            path: "/v1/networks/999",
            body: nil,
            status: 404,
            code: "not_found",
            mentions: "network 999"
        ),
        BadRequest(
            method: "GET",
            path: "/v1/nothing-here",
            body: nil,
            status: 404,
            code: "not_found",
            mentions: "openapi.yaml"
        ),
        BadRequest(
            method: "DELETE",
            path: "/v1/tokens/999",
            body: nil,
            status: 404,
            code: "not_found",
            mentions: "token 999"
        ),
    ]

    @Test func everyBadInputGetsAClearError() async throws {
        try await withAPIServer { api in
            for bad in Self.badRequests {
                let response = try await api.call(bad.method, bad.path, token: api.owner, body: bad.body)
                #expect(response.status == bad.status, "\(bad.testDescription): \(response.text)")
                #expect(response.errorCode == bad.code, "\(bad.testDescription): \(response.text)")
                let message = (response.object["error"] as? [String: Any])?["message"] as? String ?? ""
                #expect(message.contains(bad.mentions), "\(bad.testDescription): \(message)")
                #expect(response.header("content-type")?.hasPrefix("application/json") == true)
            }
            #expect(!api.observedTriples().contains { $0.hasSuffix(" 500") })
        }
    }
}
