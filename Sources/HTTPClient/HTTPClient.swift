package import Logging

/// libcurl as a blocking Swift client, shared by every call of one plugin. Safe to use from many threads at once.
///
/// `perform` blocks its thread for pacing, backoff and the transfer itself: call it from a plugin's own thread (or
/// any thread you own), never from a Swift concurrency task, where it would hold one of the few cooperative threads.
package final class HTTPClient: Sendable {
    package let configuration: HTTPClientConfiguration
    let logger: Logger
    let egress: EgressPolicy
    let retryPolicy: RetryPolicy
    let rateLimiter: RateLimiter
    let handles: CurlEasyPool
    let metrics: ProviderRequestMetrics?

    package init(configuration: HTTPClientConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        egress = EgressPolicy(allowedHosts: configuration.allowedHosts)
        retryPolicy = RetryPolicy(
            maxRetries: configuration.maxRetries,
            initialBackoff: configuration.initialBackoff,
            maxBackoff: configuration.maxBackoff
        )
        rateLimiter = RateLimiter(
            budgets: configuration.rateBudgets,
            share: configuration.budgetShare,
            namespace: configuration.rateLimitNamespace,
            state: configuration.rateLimitState
        )
        handles = CurlEasyPool()
        metrics = ProviderRequestMetrics(namespace: configuration.rateLimitNamespace)
        // curl_global_init runs here, when the host builds its clients, rather than inside a plugin's first call.
        _ = CurlGlobal.isInitialized
    }

    /// Sends `request`, blocking the calling thread: paces by the budgets, checks egress (redirects included),
    /// retries 429/502/503/504 honouring Retry-After. Returns whatever final status arrived.
    package func perform(_ request: HTTPRequest, context: HTTPCallContext) throws(HTTPClientError) -> HTTPResponse {
        let redaction = Redaction(secrets: context.secrets)
        guard let first = CurlURLParser.parse(request.url) else {
            throw HTTPClientError(url: redaction.redact(request.url), reason: .invalidURL)
        }
        var url = try checkedEgress(first, redaction: redaction)
        var hop = request
        hop.url = url.text
        var redirects = 0
        while true {
            let response = try send(hop, to: url, context: context, redaction: redaction)
            guard let location = RedirectPolicy.location(of: response) else {
                return response
            }
            guard redirects < configuration.maxRedirects else {
                let detail =
                    "still redirected after \(redirects) redirects; fix the provider's base URL or raise max_redirects"
                throw HTTPClientError(url: redaction.redact(url.text), reason: .transport(detail))
            }
            redirects += 1
            guard let target = CurlURLParser.resolve(location, against: url.text) else {
                throw HTTPClientError(url: redaction.redact(location), reason: .invalidURL)
            }
            let next = try checkedEgress(target, redaction: redaction)
            hop = RedirectPolicy.follow(hop, status: response.status, from: url, to: next, secrets: context.secrets)
            url = next
        }
    }

    private func checkedEgress(_ url: ParsedURL, redaction: Redaction) throws(HTTPClientError) -> ParsedURL {
        guard egress.allows(url) else {
            let host = redaction.redact(url.host)
            logger.warning(
                "egress refused",
                metadata: ["http.url": "\(redaction.redact(url.text))", "http.host": "\(host):\(url.port)"]
            )
            throw HTTPClientError(url: redaction.redact(url.text), reason: .egressRefused(host: host))
        }
        return url
    }
}
