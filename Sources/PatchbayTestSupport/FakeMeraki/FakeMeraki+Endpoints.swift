import Foundation
import Synchronization

extension FakeMeraki {
    /// `GET /organizations`: perPage 3-9000, default 9000.
    func organizations(_ query: [String: [String]], base: String) -> FakeResponse {
        let items = dataset.organizations.sorted { $0.id < $1.id }.map {
            (id: $0.id, json: FakeMerakiJSON.organization($0, baseURL: baseURL))
        }
        return page(
            items,
            path: "/organizations",
            query: query,
            base: base,
            perPageRange: 3...9000,
            defaultPerPage: 9000
        )
    }

    /// `GET /organizations/{organizationId}/networks`: perPage 3-100000, default 1000.
    func networks(organizationID: String, _ query: [String: [String]], base: String) -> FakeResponse {
        guard let organization = organization(organizationID) else { return notFound() }
        guard organization.apiEnabled else {
            return FakeResponse(status: 404, body: FakeMerakiJSON.errors(["API is not enabled for this organization"]))
        }
        return page(
            renderedNetworks[organizationID] ?? [],
            path: "/organizations/\(organizationID)/networks",
            query: query,
            base: base,
            perPageRange: 3...100_000,
            defaultPerPage: 1000
        )
    }

    /// `GET /organizations/{organizationId}/devices/overview/byModel`: `{"counts": [{"model", "total"}]}`,
    /// filtered by `models[]`, `networkIds[]` and `productTypes[]`. Not paginated.
    func devicesByModel(organizationID: String, _ query: [String: [String]]) -> FakeResponse {
        guard let organization = organization(organizationID) else { return notFound() }
        let models = Set(query["models[]"] ?? [])
        let networkIDs = Set(query["networkIds[]"] ?? [])
        let productTypes = Set(query["productTypes[]"] ?? [])
        var totals: [String: Int] = [:]
        for network in organization.networks where networkIDs.isEmpty || networkIDs.contains(network.id) {
            for device in network.devices
            where (models.isEmpty || models.contains(device.model))
                && (productTypes.isEmpty || productTypes.contains(device.productType))
            {
                totals[device.model, default: 0] += 1
            }
        }
        let counts = totals.keys.sorted().map {
            "{\"model\":\(FakeMerakiJSON.string($0)),\"total\":\(totals[$0] ?? 0)}"
        }
        return FakeResponse(status: 200, body: Array("{\"counts\":[\(counts.joined(separator: ","))]}".utf8))
    }

    private func organization(_ id: String) -> FakeMerakiDataset.Organization? {
        dataset.organizations.first { $0.id == id }
    }

    /// One page of `items` (sorted by id) as Meraki pages: `startingAfter`/`endingBefore` tokens are ids, and the
    /// Link header carries first, prev, next and last with absolute URLs.
    func page(
        _ items: [(id: String, json: [UInt8])],
        path: String,
        query: [String: [String]],
        base: String,
        perPageRange: ClosedRange<Int>,
        defaultPerPage: Int
    ) -> FakeResponse {
        let asked = query["perPage"]?.first.map { Int($0) } ?? defaultPerPage
        guard let asked, perPageRange.contains(asked) else {
            let message = "'perPage' must be between \(perPageRange.lowerBound) and \(perPageRange.upperBound)"
            return FakeResponse(status: 400, body: FakeMerakiJSON.errors([message]))
        }
        let perPage = min(asked, state.withLock { $0.pageCap } ?? asked)
        let slice: ArraySlice<(id: String, json: [UInt8])>
        if let after = query["startingAfter"]?.first {
            slice = items.drop { $0.id <= after }.prefix(perPage)
        } else if let before = query["endingBefore"]?.first {
            slice = items.prefix { $0.id < before }.suffix(perPage)
        } else {
            slice = items.prefix(perPage)
        }
        var body: [UInt8] = [UInt8(ascii: "[")]
        for (index, item) in slice.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body += item.json
        }
        body.append(UInt8(ascii: "]"))
        var response = FakeResponse(status: 200, body: body)
        response.headers.append(("Link", links(items, slice, base: base + path, perPage: asked)))
        return response
    }

    private func links(
        _ items: [(id: String, json: [UInt8])],
        _ slice: ArraySlice<(id: String, json: [UInt8])>,
        base path: String,
        perPage: Int
    ) -> String {
        let base: String
        switch state.withLock({ $0.linkStyle }) {
        case .absolute: base = "\(path)?perPage=\(perPage)"
        case .absolutePath: base = "\(URLComponents(string: path)?.path ?? path)?perPage=\(perPage)"
        case .relativePath: base = "\(path.split(separator: "/").last ?? "")?perPage=\(perPage)"
        }
        var links = ["<\(base)>; rel=first"]
        if let first = slice.first, first.id != items.first?.id {
            links.append("<\(base)&endingBefore=\(first.id)>; rel=prev")
        }
        if let last = slice.last, last.id != items.last?.id {
            links.append("<\(base)&startingAfter=\(last.id)>; rel=next")
        }
        links.append("<\(base)&endingBefore=zzzzzzzzzzzzzzzzzzzz>; rel=last")
        return links.joined(separator: ", ")
    }
}
