/// Why a request produced no response. Never carries a secret: the client redacts `url` and any detail first.
package struct HTTPClientError: Error, Equatable, CustomStringConvertible {
    package enum Reason: Sendable, Equatable {
        case egressRefused(host: String)
        case invalidURL
        /// The detail reads "<what went wrong>; <what to do>".
        case transport(String)
        case timedOut
        case retriesExhausted(lastStatus: Int?)
        case cancelled
    }

    package let url: String
    package let reason: Reason

    package init(url: String, reason: Reason) {
        self.url = url
        self.reason = reason
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
        case .retriesExhausted(let status?):
            "\(url): still HTTP \(status) when retries ran out; try again later, or lower budget_share in plugins.yaml"
        case .retriesExhausted(nil):
            "\(url): no answer when retries ran out; check that the provider is reachable from this host"
        case .cancelled:
            "\(url): cancelled before an answer arrived; nothing to fix if the cancel was intended"
        }
    }
}
