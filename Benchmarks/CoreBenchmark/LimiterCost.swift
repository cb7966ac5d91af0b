import Foundation
import HTTPClient
import Logging
import PatchbayCore
import Storage

/// What one request's rate reservation costs: in memory (one process) and in the database (shared by every
/// process on the data), two buckets per request as Meraki's organization + provider budgets.
func limiterCost(requests: Int, directory: String, logger: Logger) throws {
    let database = try SQLiteStore(directory: directory + "/limiter")
    var states: [(String, any RateLimitState)] = [
        ("in memory", InMemoryRateLimitState()),
        ("shared (SQLite)", DatabaseRateLimitState(database: database, logger: logger)),
    ]
    if let url = try freshBenchmarkDatabase("limiter") {
        states.append(
            ("shared (PostgreSQL)", DatabaseRateLimitState(database: try PostgresStore(url: url), logger: logger))
        )
    }
    for (label, state) in states {
        let started = ContinuousClock.now
        for index in 0..<requests {
            let buckets = [
                RateBucket(key: "meraki/scope/10per1000ms/\(100_000 + index % 20)", interval: 100_000_000),
                RateBucket(key: "meraki/provider/100per1000ms", interval: 10_000_000),
            ]
            _ = state.reserve(buckets, now: Int64(Date().timeIntervalSince1970 * 1e9))
        }
        let perRequest = seconds(ContinuousClock.now - started) / Double(requests) * 1e6
        print(
            "rate limiter, \(label.padding(toLength: 20, withPad: " ", startingAt: 0)) \(String(format: "%8.1f us", perRequest)) per request (\(requests) requests, 2 buckets each)"
        )
    }
}
