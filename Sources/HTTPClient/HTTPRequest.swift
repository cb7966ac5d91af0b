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
