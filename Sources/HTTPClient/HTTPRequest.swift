/// One HTTP request as a provider asks for it; the client adds pacing, retries, egress checks and redirects.
package struct HTTPRequest: Sendable, Equatable {
    package var method: String
    package var url: String
    package var headers: [HTTPHeader]
    package var body: [UInt8]
    /// The rate-budget scope this request spends from (e.g. a Meraki organization id); nil spends provider-wide only.
    package var rateScopeKey: String?
    /// Total time for one attempt; nil uses the client's default.
    package var timeout: Duration?
    /// Whether the request may be retried after it reached the server. Defaults from the method.
    package var isIdempotent: Bool
    /// Keep credential headers across a redirect to another (allowed) host.
    package var keepsCredentialsOnRedirect: Bool

    package init(
        method: String = "GET",
        url: String,
        headers: [HTTPHeader] = [],
        body: [UInt8] = [],
        rateScopeKey: String? = nil,
        timeout: Duration? = nil,
        isIdempotent: Bool? = nil,
        keepsCredentialsOnRedirect: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.rateScopeKey = rateScopeKey
        self.timeout = timeout
        self.isIdempotent = isIdempotent ?? ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(method.uppercased())
        self.keepsCredentialsOnRedirect = keepsCredentialsOnRedirect
    }
}

/// One header; names compare case-insensitively where the client looks them up.
package struct HTTPHeader: Sendable, Equatable {
    package var name: String
    package var value: String

    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The final answer to a request, after redirects and retries.
package struct HTTPResponse: Sendable, Equatable {
    package var status: Int
    /// Names lower-cased, in the order received.
    package var headers: [HTTPHeader]
    package var body: [UInt8]
    package var finalURL: String

    package init(status: Int, headers: [HTTPHeader], body: [UInt8], finalURL: String) {
        self.status = status
        self.headers = headers
        self.body = body
        self.finalURL = finalURL
    }

    /// The first value of a header, by case-insensitive name.
    package func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
