import ProviderKit

extension MerakiClient {
    /// GETs every page of a paginated collection, following `Link: <...>; rel=next` (absolute, or relative to the
    /// page's URL as RFC 8288 allows), and hands each page's body to `page` as it arrives.
    func getPages(
        _ path: String,
        query: [(String, String)],
        organization: String? = nil,
        page: ([UInt8]) throws -> Void
    ) throws {
        var url = baseURL.current + path + Self.queryString(query)
        var seen: Set<String> = []
        while true {
            let response = try sendShrinking(&url, endpoint: path, organization: organization)
            try page(response.body)
            let links = response.headers.filter { $0.name.lowercased() == "link" }.map(\.value)
            guard let target = LinkHeader.target("next", in: links) else { return }
            guard let next = RelativeReference.resolve(target, against: response.finalURL) else {
                throw ProviderKitError(
                    .internal,
                    "\(path): Meraki's next link \(target) is not a URL; report it to Meraki"
                )
            }
            // A server that links back to a page already fetched would loop forever.
            guard seen.insert(next).inserted else {
                throw ProviderKitError(.internal, "\(path): Meraki's next link repeats \(next); report it to Meraki")
            }
            try call.checkCancellation()
            url = next
        }
    }

    /// Sends one page request. When the host refuses the answer as larger than it accepts, asks for the same page
    /// again at half the `perPage` (down to Meraki's minimum), and leaves `url` at the size that fit: Meraki's
    /// next links keep that size for the rest of the listing.
    private func sendShrinking(
        _ url: inout String,
        endpoint: String,
        organization: String?
    ) throws(ProviderKitError) -> HTTPResponse {
        while true {
            do {
                return try send(url, endpoint: endpoint, organization: organization)
            } catch  where error.code == .unavailable && error.message.contains("response larger than") {
                guard let perPage = QueryItems.value(of: "perPage", in: url).flatMap({ Int($0) }),
                    perPage > MerakiProvider.minimumPerPage
                else {
                    throw ProviderKitError(
                        .unavailable,
                        "\(error.message); even \(MerakiProvider.minimumPerPage) objects per page do not fit, "
                            + "shorten the objects' notes or tags in Dashboard"
                    )
                }
                let smaller = max(MerakiProvider.minimumPerPage, perPage / 2)
                call.log(
                    .warning,
                    "\(endpoint): a page of \(perPage) was larger than the host accepts; asking for \(smaller) per page"
                )
                url = QueryItems.replacing("perPage", with: String(smaller), in: url)
            }
        }
    }
}
