import Foundation
import HTTPClient
import Logging
import PatchbayCore
import PatchbayTestSupport
import Testing

/// The console as served: security headers on every response, sign-in redirects, its files and their weight.
/// What it does in a browser is tested in a real Chromium (Tests/Browser/test_console.py).
@Suite struct ConsoleTests {
    static let pages = [
        "/integrations", "/integrations/new", "/integrations/1/syncs", "/networks", "/networks/7", "/providers",
        "/users",
    ]

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await withAPIServer(transport: .socket) { api in
            let cookie = try await api.sessionCookie(api.owner)
            let responses = [
                try await api.call("GET", "/sign-in", token: nil),
                try await api.call("GET", "/integrations", token: nil, headers: ["Cookie": cookie]),
                try await api.call("GET", "/assets/app.js", token: nil),
                try await api.call("GET", "/favicon.ico", token: nil),
                try await api.call("GET", "/v1/me", token: api.owner),
                try await api.call("GET", "/no/such/page", token: nil),
            ]
            for response in responses {
                let policy = try #require(response.header("content-security-policy"))
                #expect(policy.contains("script-src 'self'"))
                #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(policy.contains("default-src 'none'"))
                #expect(response.header("x-content-type-options") == "nosniff")
                #expect(response.header("referrer-policy") == "no-referrer")
            }
        }
    }

    @Test(arguments: pages)
    func signedOutPageRedirectsToSignIn(path: String) async throws {
        try await withAPIServer(transport: .socket) { api in
            let response = try await api.following("GET", path + "?workspace=acme")
            let next = try #require(
                (path + "?workspace=acme").addingPercentEncoding(withAllowedCharacters: .alphanumerics)
            )
            #expect(response.finalURL == "http://127.0.0.1:\(api.client.port)/sign-in?next=\(next)")
            #expect(String(decoding: response.body, as: UTF8.self).contains("Sign in to the console"))
            // An ended session is signed out too.
            let cookie = try await api.sessionCookie(api.owner)
            _ = try await api.call("DELETE", "/v1/sessions/current", token: nil, headers: api.browser(cookie))
            let ended = try await api.following("GET", path, headers: ["Cookie": cookie])
            #expect(ended.finalURL.contains("/sign-in?next="))
        }
    }

    @Test func signedInPageIsTheConsoleShell() async throws {
        try await withAPIServer(transport: .socket) { api in
            let cookie = try await api.sessionCookie(api.owner)
            for path in Self.pages {
                let page = try await api.call("GET", path, token: nil, headers: ["Cookie": cookie])
                #expect(page.status == 200, "\(path)")
                #expect(page.header("content-type") == "text/html; charset=utf-8")
                #expect(page.header("cache-control") == "no-store")
                #expect(page.text.contains(#"<script type="module" src="/assets/app.js"></script>"#))
            }
            let root = try await api.following("GET", "/", headers: ["Cookie": cookie])
            #expect(root.finalURL == "http://127.0.0.1:\(api.client.port)/integrations")
            #expect(try await api.following("GET", "/").finalURL == "http://127.0.0.1:\(api.client.port)/sign-in")
        }
    }

    @Test func htmlHasNoInlineScriptOrHandler() async throws {
        try await withAPIServer(transport: .socket) { api in
            for path in ["/sign-in", "/assets/index.html", "/assets/sign-in.html"] {
                let html = try await api.call("GET", path, token: nil).text
                #expect(!html.isEmpty, "\(path)")
                let scripts = html.components(separatedBy: "<script").dropFirst()
                #expect(scripts.allSatisfy { $0.hasPrefix(#" type="module" src="/assets/"#) }, "\(path)")
                #expect(html.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(path)")
                #expect(!html.contains("style="), "\(path): inline styles are refused by the CSP")
            }
        }
    }

    @Test func noScriptBuildsMarkupFromText() async throws {
        try await withAPIServer(transport: .socket) { api in
            for name in ConsoleFiles.scripts {
                let script = try await api.call("GET", "/assets/\(name)", token: nil)
                #expect(script.status == 200, "\(name)")
                #expect(script.header("content-type") == "text/javascript; charset=utf-8")
                for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"]
                {
                    #expect(!script.text.contains(sink), "\(name) uses \(sink)")
                }
            }
        }
    }

    @Test func everythingAPageLoadsWeighsUnder150KB() async throws {
        try await withAPIServer(transport: .socket) { api in
            var total = 0
            for name in ConsoleFiles.all {
                let file = try await api.call("GET", "/assets/\(name)", token: nil)
                #expect(file.status == 200, "\(name)")
                total += file.body.count
            }
            #expect(total < 150 * 1024, "\(total) bytes")
        }
    }

    @Test func faviconAndRevalidation() async throws {
        try await withAPIServer(transport: .socket) { api in
            let icon = try await api.call("GET", "/favicon.ico", token: nil)
            #expect(icon.status == 200)
            #expect(icon.header("content-type") == "image/svg+xml")
            let etag = try #require(icon.header("etag"))
            let again = try await api.call("GET", "/assets/favicon.svg", token: nil, headers: ["If-None-Match": etag])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(try await api.call("GET", "/assets/nope.js", token: nil).status == 404)
        }
    }
}

extension APIHarness {
    /// A request whose redirects are followed (the API client refuses them), for the console's sign-in redirects.
    func following(_ method: String, _ path: String, headers: [String: String] = [:]) async throws -> HTTPResponse {
        let port = client.port
        var logger = Logger(label: "console-client")
        logger.logLevel = .critical
        let client = HTTPClient(
            configuration: HTTPClientConfiguration(allowedHosts: ["127.0.0.1:\(port)"], maxRetries: 0, maxRedirects: 3),
            logger: logger
        )
        let request = HTTPRequest(
            method: method,
            url: "http://127.0.0.1:\(port)\(path)",
            headers: headers.map { HTTPHeader(name: $0.key, value: $0.value) }
        )
        return try await onOwnThread { try client.perform(request, context: HTTPCallContext()) }
    }
}

/// The console's files, as the repository ships them.
enum ConsoleFiles {
    static let folder = PackagePaths.source("Sources/PatchbayServer/ConsoleAssets")

    static var all: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    static var scripts: [String] { all.filter { $0.hasSuffix(".js") } }
}
