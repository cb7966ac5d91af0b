import Foundation
import Synchronization

extension FakeMeraki {
    /// Answers one request: records it, applies a pending fault, checks the key and the rate, then routes it.
    func respond(
        path rawPath: String,
        query rawQuery: String?,
        authority: String,
        authorization: String?
    )
        -> FakeResponse
    {
        // `/n42/api/v1/...` is the same API on a shard.
        var components = rawPath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var shard: String?
        if let first = components.first, first.first == "n", first.dropFirst().allSatisfy(\.isNumber) {
            shard = first
            components.removeFirst()
        }
        let path = "/" + components.joined(separator: "/")
        let query = Self.decodeQuery(rawQuery)
        state.withLock {
            $0.requests.append(Request(path: path, query: query, authority: authority, authorization: authorization))
        }
        if let fault = nextFault(for: path) {
            return answer(
                fault,
                path: path,
                shard: shard,
                rawQuery: rawQuery,
                normal: { route(components, query, shard: shard) }
            )
        }
        guard let key = Self.apiKey(authorization), dataset.apiKeys.contains(key) else {
            return FakeResponse(status: 401, body: FakeMerakiJSON.errors(["Invalid API key"]))
        }
        let scope = components.count >= 4 && components[2] == "organizations" ? components[3] : "*"
        let admitted = state.withLock { state -> Bool in
            guard state.limiter?.admit(scope) ?? true else {
                state.tooManyRequestsSent += 1
                return false
            }
            return true
        }
        guard admitted else {
            var response = FakeResponse(status: 429, body: FakeMerakiJSON.errors(["API rate limit exceeded"]))
            response.headers.append(("Retry-After", "1"))
            return response
        }
        return route(components, query, shard: shard)
    }

    private func route(_ components: [String], _ query: [String: [String]], shard: String?) -> FakeResponse {
        guard components.count >= 3, components[0] == "api", components[1] == "v1" else { return notFound() }
        // Links point where the request went, as Meraki's shards do.
        let base = shard.map { "http://\(authority)/\($0)/api/v1" } ?? baseURL
        let rest = Array(components.dropFirst(2))
        switch rest.count {
        case 1 where rest[0] == "organizations":
            return organizations(query, base: base)
        case 3 where rest[0] == "administered" && rest[1] == "identities" && rest[2] == "me":
            let body =
                "{\"name\":\"Miles Meraki\",\"email\":\"miles@example.com\",\"authentication\":{\"mode\":\"email\"}}"
            return FakeResponse(status: 200, body: Array(body.utf8))
        case 3 where rest[0] == "organizations" && rest[2] == "networks":
            return networks(organizationID: rest[1], query, base: base)
        case 5 where rest[0] == "organizations" && rest[2...] == ["devices", "overview", "byModel"]:
            return devicesByModel(organizationID: rest[1], query)
        default:
            return notFound()
        }
    }

    func notFound() -> FakeResponse {
        FakeResponse(status: 404, body: FakeMerakiJSON.errors(["Not found"]))
    }

    private func answer(
        _ fault: FakeMerakiFault,
        path: String,
        shard: String?,
        rawQuery: String?,
        normal: () -> FakeResponse
    ) -> FakeResponse {
        let suffix = rawQuery.map { "?\($0)" } ?? ""
        switch fault {
        case .tooManyRequests(let seconds):
            var response = FakeResponse(status: 429, body: FakeMerakiJSON.errors(["API rate limit exceeded"]))
            response.headers.append(("Retry-After", String(seconds)))
            return response
        case .serviceUnavailable:
            return FakeResponse(
                status: 503,
                headers: [("Content-Type", "text/html")],
                body: Array("<html><body>503 Service Unavailable</body></html>".utf8)
            )
        case .unavailable(let seconds):
            var response = FakeResponse(status: 503, body: FakeMerakiJSON.errors(["Service unavailable"]))
            response.headers.append(("Retry-After", String(seconds)))
            return response
        case .truncatedBody:
            var response = normal()
            response.body = Array(response.body.prefix(response.body.count / 2))
            return response
        case .malformedBody:
            return FakeResponse(status: 200, body: Array("<html>not json</html>".utf8))
        case .redirect(let authority):
            return FakeResponse(status: 307, headers: [("Location", "http://\(authority)\(path)\(suffix)")], body: [])
        case .redirectToShard:
            return FakeResponse(
                status: 307,
                headers: [("Location", "http://\(self.authority)/n42\(path)\(suffix)")],
                body: []
            )
        case .status(let status, let errors):
            return FakeResponse(status: status, body: FakeMerakiJSON.errors(errors))
        case .body(let json):
            return FakeResponse(status: 200, body: Array(json.utf8))
        }
    }

    /// The key of `Authorization: Bearer <key>`.
    static func apiKey(_ authorization: String?) -> String? {
        guard let authorization, authorization.hasPrefix("Bearer ") else { return nil }
        return String(authorization.dropFirst("Bearer ".count))
    }

    /// Query items with keys and values percent-decoded (`productTypes%5B%5D` is `productTypes[]`).
    static func decodeQuery(_ query: String?) -> [String: [String]] {
        var items: [String: [String]] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            guard let name = parts.first else { continue }
            items[name, default: []].append(parts.count > 1 ? parts[1] : "")
        }
        return items
    }
}
