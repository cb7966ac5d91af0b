import Synchronization

/// Admits one sync per integration at a time in this process; the second caller learns which run is going.
/// (Across processes the sync's write transaction serializes them: SQLite has one writer.)
final class SyncGate: Sendable {
    private let running = Mutex<[Int64: Int64?]>([:])

    /// Returns nil when admitted, or the running sync's run id (0 while it has none yet) when one is going.
    func enter(_ integrationID: Int64) -> Int64? {
        running.withLock { running in
            if let current = running[integrationID] { return current ?? 0 }
            running[integrationID] = .some(nil)
            return nil
        }
    }

    func record(runID: Int64, for integrationID: Int64) {
        running.withLock { $0[integrationID] = runID }
    }

    func runningRun(of integrationID: Int64) -> Int64? {
        running.withLock { $0[integrationID] ?? nil }
    }

    func leave(_ integrationID: Int64) {
        _ = running.withLock { $0.removeValue(forKey: integrationID) }
    }
}
