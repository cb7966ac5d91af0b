import Foundation
import Testing

/// The audit's reproduction: `POST /v1/tokens {"expires_in_seconds": 99999999999999}` answered 201, and from then on
/// `GET /v1/tokens` answered 500. Now the expiry is bounded (10 years) and the listing keeps working.
@Suite struct TokenExpiryAPITests {
    @Test(arguments: ["99999999999999", "9223372036854775807", "315360001", "0", "-5"])
    func expiryOutOfRangeIsRefusedNamingTheLimit(_ seconds: String) async throws {
        try await withAPIServer { api in
            let body = #"{"name":"far","expires_in_seconds":\#(seconds)}"#
            let created = try await api.call("POST", "/v1/tokens", token: api.owner, body: body)
            #expect(created.status == 400)
            #expect(created.errorCode == "invalid_argument")
            #expect(created.text.contains("use 1 to 315360000 (10 years)"), "\(created.text)")
            #expect(try await api.call("GET", "/v1/tokens", token: api.owner).status == 200)
        }
    }

    @Test func tenYearsIsAcceptedAndListsAndRevokes() async throws {
        try await withAPIServer { api in
            let body = #"{"name":"decade","expires_in_seconds":315360000}"#
            let created = try await api.call("POST", "/v1/tokens", token: api.owner, body: body)
            #expect(created.status == 201)
            let id = try #require(created.object["token_id"] as? NSNumber)
            let listed = try await api.call("GET", "/v1/tokens", token: api.owner)
            #expect(listed.status == 200)
            let tokens = try #require(listed.object["tokens"] as? [[String: Any]])
            #expect(tokens.contains { $0["name"] as? String == "decade" && $0["expires_at"] is String })
            #expect(try await api.call("DELETE", "/v1/tokens/\(id)", token: api.owner).status == 204)
        }
    }
}
