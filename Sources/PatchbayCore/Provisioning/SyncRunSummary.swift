package import Foundation
import Storage

/// One sync run (a job) as surfaces show it.
/// Written as JSON by `JSONWriter.syncRun` (PatchbayServer), the one encoder the API and the CLI share.
package struct SyncRunSummary: Sendable, Equatable {
    package var id: Int64
    package var integrationID: Int64
    /// queued, running, succeeded, failed, cancelled or abandoned.
    package var status: String
    /// manual or schedule.
    package var trigger: String
    package var queuedAt: Date
    package var startedAt: Date?
    package var finishedAt: Date?
    package var created: Int
    package var updated: Int
    package var unchanged: Int
    package var removed: Int
    package var durationMS: Int?
    package var error: String?
    /// The process running it, while it runs (`host/pid/instance`).
    package var owner: String?
    package var cancelRequested: Bool

    init(_ record: SyncRunRecord) {
        id = record.id ?? 0
        integrationID = record.integrationID
        status = record.status.rawValue
        trigger = record.trigger.rawValue
        queuedAt = record.queuedAt
        startedAt = record.startedAt
        finishedAt = record.finishedAt
        created = record.created
        updated = record.updated
        unchanged = record.unchanged
        removed = record.removed
        durationMS = record.durationMS
        error = record.error
        owner = record.status == .running ? record.owner : nil
        cancelRequested = record.cancelRequestedAt != nil
    }

    /// True while the run is queued or running.
    package var isLive: Bool { status == "queued" || status == "running" }
}
