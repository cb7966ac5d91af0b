import Foundation
import PatchbayCore
import PatchbayTestSupport
import Storage
import Testing

/// Console sessions over real HTTP: the cookie's flags, sign-out and revocation ending the session on the server,
/// expiry, and the CSRF defence on state-changing requests a cookie authenticates.
@Suite struct SessionTests {
    @Test func signInSetsAnHttpOnlyStrictCookieAndNeverReturnsItsValue() async throws {
        try await withAPIServer(transport: .socket) { api in
            let response = try await api.signIn(api.owner)
            #expect(response.status == 201)
            let cookie = try #require(response.header("set-cookie"))
            let attributes = Set(cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(attributes.contains("HttpOnly"))
            #expect(attributes.contains("SameSite=Strict"))
            #expect(attributes.contains("Path=/"))
            #expect(!attributes.contains("Secure"), "plain HTTP on loopback: a Secure cookie would never come back")
            let value = try #require(sessionCookieValue(cookie))
            #expect(value.hasPrefix("pbs_"))
            #expect(!response.text.contains(value), "the session value travels only in Set-Cookie")
            #expect(!response.text.contains(api.owner), "the token is not echoed")
            #expect(response.header("cache-control") == "no-store")
            let me = try await api.call("GET", "/v1/me", token: nil, headers: ["Cookie": "patchbay_session=\(value)"])
            #expect(me.status == 200)
            let bearer = try await api.call("GET", "/v1/me", token: api.owner)
            #expect(me.text == bearer.text, "the cookie acts as the token's user")
        }
    }

    @Test func cookieIsSecureWhenTheConsoleWasReachedOverTLS() async throws {
        try await withAPIServer(transport: .socket) { api in
            // A TLS-terminating proxy in front of `patchbay serve` says so; the browser's Origin then is https.
            let response = try await api.call(
                "POST",
                "/v1/sessions",
                token: nil,
                body: #"{"token":"\#(api.owner)"}"#,
                headers: ["X-Forwarded-Proto": "https"]
            )
            #expect(response.status == 201)
            let cookie = try #require(response.header("set-cookie"))
            #expect(cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.contains("Secure"))
        }
    }

    @Test func signOutEndsTheSessionOnTheServer() async throws {
        try await withAPIServer(transport: .socket) { api in
            let cookie = try await api.sessionCookie(api.owner)
            let signOut = try await api.call("DELETE", "/v1/sessions/current", token: nil, headers: api.browser(cookie))
            #expect(signOut.status == 204)
            #expect(signOut.header("set-cookie")?.contains("Max-Age=0") == true)
            // The browser forgetting the cookie is not enough: the old value is refused.
            let replay = try await api.call("GET", "/v1/me", token: nil, headers: ["Cookie": cookie])
            #expect(replay.status == 401)
            let sessions = try await api.call("GET", "/v1/sessions", token: api.owner)
            let listed = try #require(sessions.object["sessions"] as? [[String: Any]])
            #expect(listed.map { $0["status"] as? String } == ["revoked"])
        }
    }

    @Test func sessionsAreListedAndRevocableLikeTokens() async throws {
        try await withAPIServer(transport: .socket) { api in
            let first = try await api.sessionCookie(api.owner)
            let second = try await api.sessionCookie(api.owner)
            let listing = try await api.call("GET", "/v1/sessions", token: nil, headers: ["Cookie": second])
            let sessions = try #require(listing.object["sessions"] as? [[String: Any]])
            #expect(sessions.count == 2)
            #expect(sessions.map { $0["current"] as? Bool } == [true, false], "newest first, this one marked")
            let firstID = try #require(sessions.last?["id"] as? NSNumber).int64Value
            // Another user cannot see or end it.
            let foreign = try await api.call("DELETE", "/v1/sessions/\(firstID)", token: api.viewer)
            #expect(foreign.status == 404)
            let revoke = try await api.call(
                "DELETE",
                "/v1/sessions/\(firstID)",
                token: nil,
                headers: api.browser(second)
            )
            #expect(revoke.status == 204)
            #expect(try await api.call("GET", "/v1/me", token: nil, headers: ["Cookie": first]).status == 401)
            #expect(try await api.call("GET", "/v1/me", token: nil, headers: ["Cookie": second]).status == 200)
        }
    }

    @Test func revokingTheTokenEndsItsSessions() async throws {
        try await withAPIServer(transport: .socket) { api in
            let issued = try await api.call("POST", "/v1/tokens", token: api.owner, body: #"{"name":"laptop"}"#)
            let token = try #require(issued.object["token"] as? String)
            let tokenID = try #require(issued.object["token_id"] as? NSNumber).int64Value
            let cookie = try await api.sessionCookie(token)
            #expect(try await api.call("DELETE", "/v1/tokens/\(tokenID)", token: api.owner).status == 204)
            #expect(try await api.call("GET", "/v1/me", token: nil, headers: ["Cookie": cookie]).status == 401)
        }
    }

    @Test func expiredSessionIsRefused() async throws {
        try await withAPIServer(transport: .socket) { api in
            let issued = try await api.identity.createSession(token: api.owner, userAgent: "test", lifetime: 0)
            let answer = try await api.call(
                "GET",
                "/v1/me",
                token: nil,
                headers: ["Cookie": "patchbay_session=\(issued.value)"]
            )
            #expect(answer.status == 401)
            #expect(answer.text.contains("signed out or expired"))
            let listing = try await api.call("GET", "/v1/sessions", token: api.owner)
            #expect((listing.object["sessions"] as? [[String: Any]])?.first?["status"] as? String == "expired")
        }
    }

    @Test(arguments: [
        ["Origin": "https://evil.example"],
        ["Origin": "null"],
        [:],
        ["Origin": "http://127.0.0.1:1", "Sec-Fetch-Site": "cross-site"],
    ])
    func crossOriginChangeWithACookieIsRefused(headers: [String: String]) async throws {
        try await withAPIServer(transport: .socket) { api in
            let cookie = try await api.sessionCookie(api.owner)
            var headers = headers
            headers["Cookie"] = cookie
            if headers["Sec-Fetch-Site"] != nil { headers["Origin"] = "http://127.0.0.1:\(api.client.port)" }
            let response = try await api.call(
                "POST",
                "/v1/workspaces",
                token: nil,
                body: #"{"name":"forged"}"#,
                headers: headers
            )
            #expect(response.status == 403)
            #expect(response.errorCode == "permission_denied")
            let workspaces = try await api.call("GET", "/v1/workspaces", token: nil, headers: ["Cookie": cookie])
            #expect(!workspaces.text.contains("forged"), "nothing was created")
            // The same request from the console's own origin goes through.
            let own = try await api.call(
                "POST",
                "/v1/workspaces",
                token: nil,
                body: #"{"name":"mine"}"#,
                headers: api.browser(cookie)
            )
            #expect(own.status == 201)
        }
    }

    @Test func sessionValueNeverReachesTheDatabaseOrTheLog() async throws {
        try await withAPIServer(transport: .socket) { api in
            let cookie = try await api.sessionCookie(api.owner)
            let value = String(cookie.dropFirst("patchbay_session=".count))
            _ = try await api.call("GET", "/v1/me", token: nil, headers: ["Cookie": cookie])
            let store = try #require(api.context.database as? SQLiteStore)
            for file in store.files where FileManager.default.fileExists(atPath: file) {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
                #expect(!bytes.contains(Data(value.utf8)), "\(file)")
            }
            #expect(!api.logs.entries.contains { "\($0.message) \($0.metadata)".contains(value) })
        }
    }
}

/// The value of a `Set-Cookie: patchbay_session=…; …` header.
func sessionCookieValue(_ header: String) -> String? {
    guard let pair = header.split(separator: ";").first, pair.hasPrefix("patchbay_session=") else { return nil }
    return String(pair.dropFirst("patchbay_session=".count))
}

extension APIHarness {
    /// `POST /v1/sessions` as the console's sign-in page sends it.
    func signIn(_ token: String) async throws -> APIResponse {
        try await call(
            "POST",
            "/v1/sessions",
            token: nil,
            body: #"{"token":"\#(token)"}"#,
            headers: ["Origin": "http://127.0.0.1:\(client.port)"]
        )
    }

    /// `patchbay_session=…`, ready for a Cookie header.
    func sessionCookie(_ token: String) async throws -> String {
        let response = try await signIn(token)
        let value = try #require(response.header("set-cookie").flatMap(sessionCookieValue))
        return "patchbay_session=\(value)"
    }

    /// The headers a browser sends from the console's own page.
    func browser(_ cookie: String) -> [String: String] {
        ["Cookie": cookie, "Origin": "http://127.0.0.1:\(client.port)", "Sec-Fetch-Site": "same-origin"]
    }
}
