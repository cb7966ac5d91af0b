import Metrics

/// A provider client's figures for `/metrics`, labelled with the provider (the client's rate-limit namespace, the
/// plugin id). They go through swift-metrics: nothing is kept until a process installs a backend (`serve` does).
struct ProviderRequestMetrics: Sendable {
    let provider: String

    /// Nil for a client that serves no provider (no namespace): its requests are not a provider's.
    init?(namespace: String) {
        guard !namespace.isEmpty else { return nil }
        provider = namespace
    }

    /// One attempt that got an answer, by status; a 429 is also counted on its own.
    func answered(status: Int) {
        Counter(
            label: "patchbay_provider_requests_total",
            dimensions: [("provider", provider), ("status", "\(status)")]
        )
        .increment()
        if status == 429 {
            Counter(label: "patchbay_provider_rate_limited_total", dimensions: [("provider", provider)]).increment()
        }
    }

    /// One attempt that got no answer (connection refused, timeout, cancelled).
    func failed() {
        Counter(label: "patchbay_provider_requests_total", dimensions: [("provider", provider), ("status", "error")])
            .increment()
    }

    /// How long the shared rate budgets held a request back (recorded only when they did).
    func waitedForBudget(_ wait: Duration) {
        guard wait > .zero else { return }
        Timer(label: "patchbay_rate_limiter_wait_seconds", dimensions: [("provider", provider)]).record(duration: wait)
    }
}
