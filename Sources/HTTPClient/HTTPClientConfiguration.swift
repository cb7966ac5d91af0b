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
    /// Upper bound on any single wait (backoff or Retry-After).
    package var maxBackoff: Duration
    package var maxRedirects: Int

    package init(
        allowedHosts: [String],
        rateBudgets: [RateBudget] = [],
        budgetShare: Double = 1,
        connectTimeout: Duration = .seconds(10),
        requestTimeout: Duration = .seconds(30),
        maxRetries: Int = 4,
        initialBackoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(60),
        maxRedirects: Int = 5
    ) {
        self.allowedHosts = allowedHosts
        self.rateBudgets = rateBudgets
        self.budgetShare = budgetShare
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maxRetries = maxRetries
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxRedirects = maxRedirects
    }
}

/// `requests` per `period`, counted per provider, per request scope key, or per credential set.
package struct RateBudget: Sendable, Equatable {
    package enum Scope: String, Sendable, Equatable {
        case provider
        case scope
        case credential
    }

    package var scope: Scope
    package var requests: Int
    package var period: Duration

    package init(scope: Scope, requests: Int, period: Duration) {
        self.scope = scope
        self.requests = requests
        self.period = period
    }
}

/// What the client knows about the call a request belongs to.
package struct HTTPCallContext: Sendable {
    /// Values to redact from every log line and error (credentials of this call).
    package var secrets: [String]
    /// Identifies the credential set for `.credential` budgets (a hash, never the secret itself).
    package var credentialKey: String?
    /// Polled while waiting (pacing, backoff) and between attempts.
    package var isCancelled: @Sendable () -> Bool

    package init(secrets: [String] = [], credentialKey: String? = nil, isCancelled: @escaping @Sendable () -> Bool = { false }) {
        self.secrets = secrets
        self.credentialKey = credentialKey
        self.isCancelled = isCancelled
    }
}
