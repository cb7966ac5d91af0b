import Synchronization

/// Paces requests so every budget that applies stays within its rate.
///
/// GCRA without burst allowance: each bucket keeps a theoretical arrival time (TAT); a request may start at the
/// latest TAT of its buckets and pushes each one interval further. All buckets are reserved under one lock, so a
/// request never holds a slot in one bucket while it waits for another.
package final class RateLimiter: Sendable {
    private struct Bucket: Sendable {
        let key: String
        let interval: Duration
    }

    private let budgets: [RateBudget]
    private let share: Double
    private let arrivals = Mutex<[String: ContinuousClock.Instant]>([:])

    package init(budgets: [RateBudget], share: Double) {
        self.budgets = budgets
        // A share outside (0, 1] is a configuration slip: never spend more than the whole budget, never stall.
        self.share = share.isNaN ? 1 : min(1, max(0.001, share))
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
        return arrivals.withLock { arrivals in
            var start = now
            for bucket in buckets {
                start = max(start, arrivals[bucket.key] ?? now)
            }
            for bucket in buckets {
                arrivals[bucket.key] = start + bucket.interval
            }
            if arrivals.count > 4_096 {
                // A bucket whose TAT has passed behaves exactly like a new one.
                arrivals = arrivals.filter { $0.value > now }
            }
            return start
        }
    }

    private func buckets(scopeKey: String?, credentialKey: String?) -> [Bucket] {
        budgets.enumerated().compactMap { index, budget in
            let key: String
            switch budget.scope {
            case .provider:
                key = "\(index)/provider"
            case .scope:
                // A request without a scope key spends provider-wide budgets only.
                guard let scopeKey else {
                    return nil
                }
                key = "\(index)/scope/\(scopeKey)"
            case .credential:
                // Calls that name no credential share one bucket: the budget still holds for them.
                key = "\(index)/credential/\(credentialKey ?? "")"
            }
            return Bucket(key: key, interval: budget.period / (Double(max(1, budget.requests)) * share))
        }
    }
}
