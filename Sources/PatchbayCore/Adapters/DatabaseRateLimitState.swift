package import HTTPClient
package import Logging
package import Storage

/// Rate budgets shared by every process on the same data: the limiter's buckets live in the database, so a CLI,
/// `serve` and any number of workers together stay within a provider's limit. Each reservation is one short write.
package struct DatabaseRateLimitState: RateLimitState {
    let database: any PatchbayStore
    let logger: Logger
    /// Used only while the database cannot be written (busy past its wait): pacing then holds within this process.
    private let fallback = InMemoryRateLimitState()

    package init(database: any PatchbayStore, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    package func reserve(_ buckets: [RateBucket], now: Int64) -> Int64 {
        do {
            return try database.reserveRateSlots(buckets.map { ($0.key, $0.interval) }, now: now)
        } catch {
            logger.warning(
                "shared rate budget unavailable; pacing within this process",
                metadata: ["error": "\(error)"]
            )
            return fallback.reserve(buckets, now: now)
        }
    }
}
