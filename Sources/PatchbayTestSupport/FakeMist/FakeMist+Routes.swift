import Foundation
import Synchronization

extension FakeMist {
    /// Answers one request: records it, checks the token, applies a pending fault, then routes it.
    func respond(path: String, query rawQuery: String?, authorization: String?) -> FakeResponse {
        let query = FakeMeraki.decodeQuery(rawQuery)
        state.withLock { $0.requests.append(Request(path: path, query: query, authorization: authorization)) }
        let fault = nextFault(for: path)
        if case .status(let status, let detail) = fault {
            return FakeResponse(status: status, body: FakeMistJSON.detail(detail))
        }
        if fault == .malformedBody {
            return FakeResponse(status: 200, body: Array("[{\"id\": \"5a1e\", oops".utf8))
        }
        guard let authorization, authorization.hasPrefix("Token "),
            dataset.tokens.contains(String(authorization.dropFirst("Token ".count)))
        else {
            return FakeResponse(status: 401, body: FakeMistJSON.detail("Invalid token."))
        }
        var response = route(path.split(separator: "/").map(String.init), query)
        if fault == .withoutTotal {
            response.headers.removeAll { $0.0 == "X-Page-Total" }
        }
        return response
    }

    private func route(_ components: [String], _ query: [String: [String]]) -> FakeResponse {
        guard components.count >= 3, components[0] == "api", components[1] == "v1" else { return notFound() }
        let rest = Array(components.dropFirst(2))
        if rest == ["self"] { return selfResponse() }
        guard rest.count == 3, rest[0] == "orgs" else { return notFound() }
        guard let organization = dataset.organizations.first(where: { $0.id == rest[1] }) else {
            return FakeResponse(
                status: 403,
                body: FakeMistJSON.detail("You do not have permission to perform this action.")
            )
        }
        switch rest[2] {
        case "sites":
            let items = organization.sites.map { FakeMistJSON.site($0, organizationID: organization.id) }
            return page(items, query)
        case "inventory":
            let type = query["type"]?.first
            let items = organization.devices.filter { type == nil || $0.type == type }
                .map { FakeMistJSON.device($0, organizationID: organization.id) }
            return page(items, query)
        default:
            return notFound()
        }
    }

    /// The token's identity: an org privilege per organization, plus a site privilege in an org it cannot list and
    /// an MSP privilege, which the plugin must not mistake for organizations.
    private func selfResponse() -> FakeResponse {
        var privileges = dataset.organizations.map { organization in
            "{\"scope\":\"org\",\"role\":\"admin\",\"org_id\":\(FakeMistJSON.string(organization.id)),"
                + "\"name\":\(FakeMistJSON.string(organization.name))}"
        }
        privileges.append(
            "{\"scope\":\"site\",\"role\":\"read\",\"org_id\":\"99999999-0000-4000-8000-000000000000\","
                + "\"site_id\":\"99999999-0000-4000-8000-000000000001\",\"name\":\"Someone else's site\"}"
        )
        privileges.append("{\"scope\":\"msp\",\"role\":\"read\",\"msp_id\":\"77777777-0000-4000-8000-000000000000\"}")
        let body =
            "{\"email\":\(FakeMistJSON.string(dataset.email)),\"first_name\":\"Mia\",\"last_name\":\"Mist\","
            + "\"privileges\":[\(privileges.joined(separator: ","))],\"two_factor_verified\":true}"
        return FakeResponse(status: 200, body: Array(body.utf8))
    }

    /// One page of `items` as Mist pages: `limit` (default 100, at most 1000) and 1-based `page`.
    private func page(_ items: [[UInt8]], _ query: [String: [String]]) -> FakeResponse {
        let asked = query["limit"]?.first.map { Int($0) } ?? 100
        let page = query["page"]?.first.map { Int($0) } ?? 1
        guard let asked, let page, (0...1000).contains(asked), page >= 1 else {
            return FakeResponse(status: 400, body: FakeMistJSON.detail("limit must be 0-1000 and page >= 1"))
        }
        let limit = min(asked == 0 ? 100 : asked, state.withLock { $0.pageCap } ?? 1000)
        let slice = items.dropFirst((page - 1) * limit).prefix(limit)
        var body: [UInt8] = [UInt8(ascii: "[")]
        for (index, item) in slice.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body += item
        }
        body.append(UInt8(ascii: "]"))
        var response = FakeResponse(status: 200, body: body)
        response.headers += [
            ("X-Page-Limit", "\(limit)"), ("X-Page-Page", "\(page)"), ("X-Page-Total", "\(items.count)"),
        ]
        return response
    }

    private func notFound() -> FakeResponse {
        FakeResponse(status: 404, body: FakeMistJSON.detail("Not found."))
    }
}
