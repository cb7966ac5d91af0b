import Foundation

/// Paces requests so every budget that applies stays within its rate.
///
/// GCRA without burst allowance: each bucket keeps a theoretical arrival time (TAT); a request may start at the
/// latest TAT of its buckets and pushes each one interval further. All buckets are reserved in one step of the
/// state, so a request never holds a slot in one bucket while it waits for another. The state is pluggable: shared
/// through the database, the budgets hold across every process using the same data.
package final class RateLimiter: Sendable {
    private let budgets: [RateBudget]
    private let share: Double
    private let namespace: String
    private let state: any RateLimitState
    /// Wall-clock nanoseconds at `reference`: instants map to wall time by one fixed offset, so equal instants give
    /// equal times and pacing stays exact, while processes on one host still agree to within microseconds.
    private let reference = ContinuousClock.now
    private let wallAtReference = Int64(Date().timeIntervalSince1970 * 1e9)

    /// `namespace` (the provider id) keeps two providers' buckets apart in a shared state.
    package init(
        budgets: [RateBudget],
        share: Double,
        namespace: String = "",
        state: any RateLimitState = InMemoryRateLimitState()
    ) {
        self.budgets = budgets
        // A share outside (0, 1] is a configuration slip: never spend more than the whole budget, never stall.
        self.share = share.isNaN ? 1 : min(1, max(0.001, share))
        self.namespace = namespace
        self.state = state
    }

    /// Reserves a slot in every bucket the request spends from and returns when it may start.
    package func reserve(
        scopeKey: String?,
        credentialKey: String?,
        now: ContinuousClock.Instant
    ) -> ContinuousClock.Instant {
        let buckets = buckets(scopeKey: scopeKey, credentialKey: credentialKey)
        guard !buckets.isEmpty else {
            return now
        }
        let wallNow = wallAtReference + Self.nanoseconds(now - reference)
        let wait = state.reserve(buckets, now: wallNow) - wallNow
        return wait > 0 ? now + .nanoseconds(wait) : now
    }

    private func buckets(scopeKey: String?, credentialKey: String?) -> [RateBucket] {
        budgets.compactMap { budget in
            // Named by the budget itself, not its position, so processes built from other plugin versions agree.
            let periodMS = Self.nanoseconds(budget.period) / 1_000_000
            let budgetKey = "\(namespace)/\(budget.scope.rawValue)/\(budget.requests)per\(periodMS)ms"
            let key: String
            switch budget.scope {
            case .provider:
                key = budgetKey
            case .scope:
                // A request without a scope key spends provider-wide budgets only.
                guard let scopeKey else {
                    return nil
                }
                key = "\(budgetKey)/\(scopeKey)"
            case .credential:
                // Calls that name no credential share one bucket: the budget still holds for them.
                key = "\(budgetKey)/\(credentialKey ?? "")"
            }
            let interval = budget.period / (Double(max(1, budget.requests)) * share)
            return RateBucket(key: key, interval: Self.nanoseconds(interval))
        }
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
