package import Foundation

/// The sync job queue at one moment, across every process on the store: what `/metrics` reports as queue depth,
/// running jobs and the age of the oldest waiting job.
package struct QueueSnapshot: Sendable, Equatable {
    package var queued: Int
    package var running: Int
    /// When the oldest queued job was queued; nil when none waits.
    package var oldestQueuedAt: Date?

    package init(queued: Int, running: Int, oldestQueuedAt: Date?) {
        self.queued = queued
        self.running = running
        self.oldestQueuedAt = oldestQueuedAt
    }
}
