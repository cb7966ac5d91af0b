/// How one client (one plugin's egress) behaves: where it may go, how fast, how patiently.
package struct HTTPClientConfiguration: Sendable {
    /// Egress allow-list: exact host names, `*.example.com` wildcards (subdomains only), `host:port` (loopback fakes).
    package var allowedHosts: [String]
    /// Budgets the client paces every request by.
    package var rateBudgets: [RateBudget]
    /// Fraction (0, 1] of each budget this host may spend: provider budgets are shared with the customer's other tools.
    package var budgetShare: Double
    package var connectTimeout: Duration
    /// Default total time for one attempt.
    package var requestTimeout: Duration
    /// Retries after the first attempt, for 429/502/503/504 and transport failures of idempotent requests.
    package var maxRetries: Int
    /// First backoff when a retryable answer carries no Retry-After; doubles each retry, with jitter.
    package var initialBackoff: Duration
    /// Upper bound on any single wait (backoff or Retry-After). A Retry-After longer than this ends the retries
    /// (`.waitTooLong`) rather than being cut short.
    package var maxBackoff: Duration
    package var maxRedirects: Int
    /// Largest response body accepted (after decoding); a larger one fails the request.
    package var maxResponseBytes: Int
    /// Who the client talks to, as errors name it ("Cisco Meraki asked to wait 90 s").
    package var serverName: String
    /// Where the budgets' buckets live (in memory unless the host shares them across processes), and the prefix
    /// that keeps this client's buckets apart from other providers' there.
    package var rateLimitState: any RateLimitState
    package var rateLimitNamespace: String

    package init(
        allowedHosts: [String],
        rateBudgets: [RateBudget] = [],
        budgetShare: Double = 1,
        connectTimeout: Duration = .seconds(10),
        requestTimeout: Duration = .seconds(30),
        maxRetries: Int = 4,
        initialBackoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(60),
        maxRedirects: Int = 5,
        maxResponseBytes: Int = 64 << 20,
        serverName: String = "the server",
        rateLimitState: any RateLimitState = InMemoryRateLimitState(),
        rateLimitNamespace: String = ""
    ) {
        self.rateLimitState = rateLimitState
        self.rateLimitNamespace = rateLimitNamespace
        self.allowedHosts = allowedHosts
        self.rateBudgets = rateBudgets
        self.budgetShare = budgetShare
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maxRetries = maxRetries
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxRedirects = maxRedirects
        self.maxResponseBytes = maxResponseBytes
        self.serverName = serverName
    }
}
