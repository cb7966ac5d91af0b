import Foundation

/// A token bucket per key, as Meraki's per-organization limit behaves: `requestsPerSecond` sustained, bursts up to
/// the same number.
struct FakeRateLimiter {
    let requestsPerSecond: Int
    private var buckets: [String: (tokens: Double, at: ContinuousClock.Instant)] = [:]

    init(requestsPerSecond: Int) {
        self.requestsPerSecond = requestsPerSecond
    }

    /// Takes a token for `key`; false when the bucket is empty.
    mutating func admit(_ key: String, now: ContinuousClock.Instant = .now) -> Bool {
        let capacity = Double(requestsPerSecond)
        var bucket = buckets[key] ?? (capacity, now)
        let elapsed = now - bucket.at
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        bucket.tokens = min(capacity, bucket.tokens + seconds * capacity)
        bucket.at = now
        defer { buckets[key] = bucket }
        guard bucket.tokens >= 1 else { return false }
        bucket.tokens -= 1
        return true
    }
}
