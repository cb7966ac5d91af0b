import Foundation

/// How a running job ends, the same on every backend: the backends differ only in how they write the row.
extension SyncRunRecord {
    /// Ends the run with `status` at `now`: its duration counts from when it started; `error` says why it did not
    /// succeed (nil when it did).
    mutating func end(_ status: SyncRunStatus, at now: Date, error: String?) {
        self.status = status
        finishedAt = now
        durationMS = startedAt.map { Int(now.timeIntervalSince($0) * 1000) }
        self.error = error
    }

    /// Ends the run as applied, with what the apply changed.
    mutating func succeed(with tally: SyncTally, at now: Date) {
        created = tally.created
        updated = tally.updated
        unchanged = tally.unchanged
        removed = tally.removed
        end(.succeeded, at: now, error: nil)
    }

    /// Ends a queued run somebody cancelled: no worker had taken it.
    mutating func cancelQueued(at now: Date) {
        cancelRequestedAt = now
        end(.cancelled, at: now, error: "cancelled before it started; nothing was changed")
    }

    /// Ends a running job somebody asked to cancel, before it applied.
    mutating func cancelBeforeApplying(at now: Date) {
        end(.cancelled, at: now, error: "cancelled; nothing was changed")
    }

    /// Ends a run whose owner stopped renewing its lease.
    mutating func abandon(at now: Date) {
        let expiry = leaseExpiresAt.map { ISO8601DateFormatter().string(from: $0) } ?? "unknown"
        end(
            .abandoned,
            at: now,
            error: "owner \(owner ?? "unknown") stopped renewing its lease (expired \(expiry)); nothing was changed, "
                + "sync again"
        )
    }
}
