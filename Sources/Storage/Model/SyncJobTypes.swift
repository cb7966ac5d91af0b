package import Foundation

/// Who runs a job and for how long without renewing: `owner` is `host/pid/instance`.
package struct JobLease: Sendable, Equatable {
    package var owner: String
    package var duration: TimeInterval

    package init(owner: String, duration: TimeInterval) {
        self.owner = owner
        self.duration = duration
    }
}

/// A request for a new job: admitted (queued, or running under the caller's lease), or refused because the
/// integration already has a live job, which it names.
package enum JobAdmission: Sendable, Equatable {
    case admitted(SyncRunRecord)
    case alreadyLive(SyncRunRecord)
}

/// What a heartbeat learned: the lease is renewed (and whether someone asked to cancel), or it is gone.
package enum LeaseCheck: Sendable, Equatable {
    case held(cancelRequested: Bool)
    case lost(SyncRunRecord?)
}

/// How the apply phase ended: applied, or not applied because the job was cancelled or its lease was lost.
package enum ApplyOutcome: Sendable, Equatable {
    case applied(SyncRunRecord)
    case cancelled(SyncRunRecord)
    case lost(SyncRunRecord?)
}
