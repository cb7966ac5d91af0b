import Synchronization

/// One bucket a request spends from: its key and the interval each request pushes it by, in nanoseconds.
package struct RateBucket: Sendable, Equatable {
    package var key: String
    package var interval: Int64

    package init(key: String, interval: Int64) {
        self.key = key
        self.interval = interval
    }
}

/// Where a `RateLimiter` keeps its buckets' theoretical arrival times (GCRA). In memory, budgets hold within one
/// process; a store every process sees (Patchbay's database) makes them hold across all of them.
package protocol RateLimitState: Sendable {
    /// Atomically: the start is the latest of `now` and every bucket's arrival time, and each bucket's arrival time
    /// becomes start + its interval. Times are nanoseconds since 1970 (wall clock, comparable across processes);
    /// integers, so pacing is exact.
    func reserve(_ buckets: [RateBucket], now: Int64) -> Int64
}

/// The in-process state: one lock over a dictionary.
package final class InMemoryRateLimitState: RateLimitState {
    private let arrivals = Mutex<[String: Int64]>([:])

    package init() {}

    package func reserve(_ buckets: [RateBucket], now: Int64) -> Int64 {
        arrivals.withLock { arrivals in
            let start = Self.start(buckets, now: now) { arrivals[$0] }
            for bucket in buckets {
                arrivals[bucket.key] = start + bucket.interval
            }
            if arrivals.count > 4_096 {
                // A bucket whose arrival time has passed behaves exactly like a new one.
                arrivals = arrivals.filter { $0.value > now }
            }
            return start
        }
    }

    /// The GCRA start time, shared by every state: the latest of `now` and the buckets' arrival times.
    package static func start(
        _ buckets: [RateBucket],
        now: Int64,
        arrival: (String) throws -> Int64?
    ) rethrows
        -> Int64
    {
        var start = now
        for bucket in buckets {
            start = max(start, try arrival(bucket.key) ?? now)
        }
        return start
    }
}
