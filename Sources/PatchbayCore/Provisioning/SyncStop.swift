import Storage
import Synchronization

/// Why a running job stopped before its apply, set once by whoever noticed first.
enum SyncStopReason: Sendable, Equatable {
    /// This process was told to stop (Ctrl-C, SIGTERM, shutdown): the job ends `cancelled`.
    case interrupted
    /// Someone asked through the database (`syncs cancel`, `DELETE /v1/syncs/{id}`): the job ends `cancelled`.
    case cancelRequested
    /// The lease expired before it was renewed: another process marked the job `abandoned`.
    case leaseLost(SyncRunRecord?)
}

/// The first stop reason of one job; later ones are dropped.
final class SyncStop: Sendable {
    private let reason = Mutex<SyncStopReason?>(nil)

    var current: SyncStopReason? { reason.withLock { $0 } }

    /// Returns true when this was the first reason.
    @discardableResult
    func set(_ new: SyncStopReason) -> Bool {
        reason.withLock { reason in
            guard reason == nil else { return false }
            reason = new
            return true
        }
    }
}
