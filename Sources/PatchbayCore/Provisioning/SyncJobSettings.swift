package import Foundation

/// How this process takes part in the job model: who it is, how long its leases last, how often it renews them
/// and how quickly it notices a cancellation requested by another process.
package struct SyncJobSettings: Sendable {
    /// `host/pid/instance`: unique per process, readable in `syncs show`.
    package var owner: String
    /// A job whose owner has not renewed for this long is `abandoned` by the next process that looks.
    package var leaseDuration: TimeInterval
    /// The owner renews its lease this often (a third of the lease, so two missed beats still hold it).
    package var heartbeat: Duration
    /// The owner reads the job's cancel flag this often: cancelling from another process is a database write.
    package var cancelPoll: Duration

    package init(
        owner: String = Self.processOwner(),
        leaseDuration: TimeInterval = 30,
        heartbeat: Duration? = nil,
        cancelPoll: Duration = .milliseconds(250)
    ) {
        self.owner = owner
        self.leaseDuration = leaseDuration
        self.heartbeat = heartbeat ?? .milliseconds(Int64(leaseDuration * 1000 / 3))
        self.cancelPoll = cancelPoll
    }

    /// The defaults, with the lease from `PATCHBAY_SYNC_LEASE_SECONDS` when set (tests use a short one).
    package init(environment: [String: String]) {
        let lease = environment["PATCHBAY_SYNC_LEASE_SECONDS"].flatMap(TimeInterval.init).flatMap { $0 > 0 ? $0 : nil }
        self.init(leaseDuration: lease ?? 30)
    }

    package static func processOwner() -> String {
        let instance = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)/\(instance)"
    }
}
