import GRDB

/// The shared rate limiter's buckets: every process using this data spends from the same ones.
extension SQLiteStore {
    /// One GCRA reservation in one short write transaction: reads the buckets' arrival times, moves each to
    /// start + its interval, returns start (nanoseconds since 1970). Expired buckets are swept now and then.
    package func reserveRateSlots(_ buckets: [(key: String, interval: Int64)], now: Int64) throws(StorageError) -> Int64
    {
        try write { db in
            let select = try db.cachedStatement(sql: "SELECT theoretical_arrival FROM rate_buckets WHERE key = ?")
            var start = now
            for bucket in buckets {
                if let arrival = try Int64.fetchOne(select, arguments: [bucket.key]) { start = max(start, arrival) }
            }
            let upsert = try db.cachedStatement(
                sql: """
                    INSERT INTO rate_buckets (key, theoretical_arrival) VALUES (?, ?)
                    ON CONFLICT (key) DO UPDATE SET theoretical_arrival = excluded.theoretical_arrival
                    """
            )
            for bucket in buckets {
                try upsert.execute(arguments: [bucket.key, start + bucket.interval])
            }
            if start % 64 == 0 {
                // A bucket whose arrival time has passed behaves exactly like a missing one: drop old ones.
                try db.execute(
                    sql: "DELETE FROM rate_buckets WHERE theoretical_arrival < ?",
                    arguments: [now - 60_000_000_000]
                )
            }
            return start
        }
    }
}
