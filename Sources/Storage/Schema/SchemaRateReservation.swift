extension SchemaStep {
    /// The shared rate limiter's reservation in one round trip (issue 12): `PostgresStore.reserveRateSlots` calls
    /// this function in autocommit instead of running BEGIN, insert, lock, update and COMMIT one by one.
    ///
    /// Each statement of a PL/pgSQL function takes a fresh snapshot, so the `FOR UPDATE` sees the arrival times a
    /// reservation that held the rows before committed (one statement could not: its parts share one snapshot).
    /// Rows are created and locked in key order, so reservations over overlapping buckets cannot deadlock.
    ///
    /// The reservation commits without waiting for the WAL flush (`synchronous_commit` off for its transaction
    /// only): a server crash can forget the last few milliseconds of reservations, which lets a few requests go
    /// out early once after the crash; the provider's 429 and Retry-After handling absorbs that, whereas waiting
    /// for a disk flush on every provider request would cost more than the request's own pacing.
    /// SQLite reserves in its own write transaction (`SQLiteStore.reserveRateSlots`) and needs no function.
    static let rateReservation = SchemaStep(
        id: "v4-rate-reservation-function",
        sqlite: """
            -- SQLite has no stored functions: see above.
            SELECT 1;
            """,
        postgres: """
            CREATE FUNCTION patchbay_reserve_rate_slots(bucket_keys TEXT[], bucket_intervals BIGINT[], at_time BIGINT)
            RETURNS BIGINT LANGUAGE plpgsql AS $$
            DECLARE
                slot BIGINT;
            BEGIN
                PERFORM set_config('synchronous_commit', 'off', true);
                INSERT INTO rate_buckets (key, theoretical_arrival)
                    SELECT k, 0 FROM unnest(bucket_keys) AS k ORDER BY k
                    ON CONFLICT (key) DO NOTHING;
                SELECT greatest(at_time, max(locked.theoretical_arrival)) INTO slot
                    FROM (SELECT theoretical_arrival FROM rate_buckets WHERE key = ANY(bucket_keys)
                        ORDER BY key FOR UPDATE) AS locked;
                UPDATE rate_buckets AS b SET theoretical_arrival = slot + u.step
                    FROM unnest(bucket_keys, bucket_intervals) AS u(key, step) WHERE b.key = u.key;
                IF slot % 64 = 0 THEN
                    -- A bucket whose arrival time has passed behaves exactly like a missing one: drop old ones.
                    DELETE FROM rate_buckets WHERE theoretical_arrival < at_time - 60000000000
                        AND key IN (SELECT key FROM rate_buckets WHERE theoretical_arrival < at_time - 60000000000
                            FOR UPDATE SKIP LOCKED);
                END IF;
                RETURN slot;
            END
            $$;
            """
    )
}
