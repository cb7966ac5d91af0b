/// Why a request produced no response. Never carries a secret: the client redacts `url` and any detail first.
package struct HTTPClientError: Error, Equatable, CustomStringConvertible {
    package enum Reason: Sendable, Equatable {
        case egressRefused(host: String)
        case invalidURL
        /// The detail reads "<what went wrong>; <what to do>".
        case transport(String)
        case timedOut
        case retriesExhausted(lastStatus: Int?)
        /// The server answered `status` with a `Retry-After` longer than the client waits; no retry was made.
        case waitTooLong(status: Int, askedSeconds: Int, limitSeconds: Int)
        /// The body grew past the configured limit; smaller pages may fit.
        case responseTooLarge(limit: Int)
        case cancelled
    }

    package let url: String
    package let reason: Reason
    /// Who answered, for messages: the provider's name, or "the server".
    package let server: String

    package init(url: String, reason: Reason, server: String = "the server") {
        self.url = url
        self.reason = reason
        self.server = server
    }

    /// `<url>: <what went wrong>; <what to do>` on one line.
    package var description: String {
        switch reason {
        case .egressRefused(let host):
            "\(url): egress to \(host) refused; add the host to allowed_hosts in plugins.yaml"
        case .invalidURL:
            "\(url): not an absolute http or https URL; check the provider's base URL setting"
        case .transport(let detail):
            "\(url): \(detail)"
        case .timedOut:
            "\(url): timed out; check that the provider is reachable from this host, or raise the timeout"
        case .retriesExhausted(429?):
            // Only a rate limit is this host's to ease: budget_share shares the provider's budget with other tools.
            "\(url): \(server) still answered 429 (rate limited) when retries ran out; try again later, "
                + "or lower budget_share in plugins.yaml if other tools use the same key"
        case .retriesExhausted(let status?):
            "\(url): \(server) still answered \(status) when retries ran out; it is unavailable, try again later"
        case .retriesExhausted(nil):
            "\(url): no answer when retries ran out; check that the provider is reachable from this host"
        case .waitTooLong(let status, let asked, let limit):
            "\(url): \(server) answered \(status) and asked to wait \(asked) s; more than the \(limit) s limit, "
                + "so no retry was made; try again after \(asked) s"
        case .responseTooLarge(let limit):
            "\(url): response larger than \(limit) bytes, the host's limit; ask for smaller pages"
        case .cancelled:
            "\(url): cancelled before an answer arrived; nothing to fix if the cancel was intended"
        }
    }
}
