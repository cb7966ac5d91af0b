import ProviderKit

/// Meraki requests of one call: bearer authentication, per-organization rate scopes, Link-header paging, and
/// redirects to a shard of the same cloud.
struct MerakiClient: Sendable {
    let baseURL: BaseURL
    let apiKey: String
    let call: Call

    /// GETs `path` (relative to the API root), checks the status, and returns the response.
    func get(
        _ path: String,
        query: [(String, String)] = [],
        organization: String? = nil,
        notFoundFix: String? = nil
    ) throws(ProviderKitError)
        -> HTTPResponse
    {
        let url = baseURL.current + path + Self.queryString(query)
        return try send(url, endpoint: path, organization: organization, notFoundFix: notFoundFix)
    }

    func send(
        _ url: String,
        endpoint: String,
        organization: String?,
        notFoundFix: String? = nil
    ) throws(ProviderKitError) -> HTTPResponse {
        guard let target = URLParts(url), baseURL.origin.sharesCredentials(with: target) else {
            throw ProviderKitError(
                .permissionDenied,
                "\(endpoint): refusing to send the API key to \(url) outside the configured Meraki cloud; check base_url"
            )
        }
        var response = try call.http(request(url, organization: organization))
        if let shard = redirectTarget(of: response, requested: url) {
            // The host dropped the Authorization header when it followed the redirect to another host. Repeat the
            // request with it only when the target is a shard of the same cloud, and go there directly next time.
            guard let parts = URLParts(shard), baseURL.origin.sharesCredentials(with: parts) else {
                throw ProviderKitError(
                    .permissionDenied,
                    "\(endpoint): Meraki redirected to \(shard), outside the configured cloud; check base_url"
                )
            }
            baseURL.follow(to: parts)
            call.log(.info, "\(endpoint): Meraki redirected to \(parts.origin); using it from now on")
            response = try call.http(request(shard, organization: organization))
        }
        try MerakiResponse.check(response, endpoint: endpoint, notFoundFix: notFoundFix)
        return response
    }

    /// Where a response says the resource lives when that is another origin: a 3xx the host did not follow, or
    /// the final URL of one it did.
    private func redirectTarget(of response: HTTPResponse, requested url: String) -> String? {
        guard let requested = URLParts(url) else { return nil }
        if (300..<400).contains(response.status), let location = response.header("location") {
            return location.hasPrefix("/") ? requested.origin + location : location
        }
        guard let final = URLParts(response.finalURL), final.origin != requested.origin else { return nil }
        return response.finalURL
    }

    private func request(_ url: String, organization: String?) -> HTTPRequest {
        HTTPRequest(
            url: url,
            headers: [
                HTTPHeader(name: "Authorization", value: "Bearer \(apiKey)"),
                HTTPHeader(name: "Accept", value: "application/json"),
                HTTPHeader(name: "User-Agent", value: "PatchbayMeraki/\(MerakiProvider.descriptor.version) Patchbay"),
            ],
            // Meraki's budget is per organization: every organization-scoped request spends from its own key.
            rateScopeKey: organization
        )
    }

    static func queryString(_ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return "" }
        return "?" + query.map { "\(percentEncoded($0.0))=\(percentEncoded($0.1))" }.joined(separator: "&")
    }

    private static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
