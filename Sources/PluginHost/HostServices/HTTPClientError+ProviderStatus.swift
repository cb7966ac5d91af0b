import HTTPClient

extension Error {
    /// How an HTTP failure reaches a plugin: the ABI status and a one-line message (not yet redacted).
    var providerStatus: (ProviderStatus, String) {
        guard let error = self as? HTTPClientError else { return (.unavailable, "\(self)") }
        switch error.reason {
        case .egressRefused(let host):
            return (
                .permissionDenied,
                "\(error.url): egress to \(host) refused; add it to the plugin's allowed_hosts in plugins.yaml"
            )
        case .cancelled:
            return (.cancelled, "\(error.url): cancelled by the host")
        case .retriesExhausted(let status) where status == 429:
            return (.rateLimited, "\(error.url): still rate limited (HTTP 429) after retries; try again later")
        case .retriesExhausted(let status):
            return (.unavailable, "\(error.url): retries exhausted (last HTTP status \(status.map(String.init) ?? "none"))")
        case .invalidURL:
            return (.invalidArgument, "\(error.url): not a valid absolute http(s) URL")
        case .timedOut:
            return (.unavailable, "\(error.url): timed out")
        case .transport(let detail):
            return (.unavailable, "\(error.url): \(detail)")
        }
    }
}
