package import Foundation
import Storage

/// One sync run (a job) as surfaces show it.
package struct SyncRunSummary: Sendable, Equatable, Codable {
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

    /// Every field of the contract is present, null when unknown (a queued run has no `started_at` yet).
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(integrationID, forKey: .integrationID)
        try container.encode(status, forKey: .status)
        try container.encode(trigger, forKey: .trigger)
        try container.encode(created, forKey: .created)
        try container.encode(updated, forKey: .updated)
        try container.encode(unchanged, forKey: .unchanged)
        try container.encode(removed, forKey: .removed)
        try container.encode(queuedAt, forKey: .queuedAt)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(finishedAt, forKey: .finishedAt)
        try container.encode(durationMS, forKey: .durationMS)
        try container.encode(error, forKey: .error)
        try container.encode(owner, forKey: .owner)
        try container.encode(cancelRequested, forKey: .cancelRequested)
    }

    enum CodingKeys: String, CodingKey {
        case id, status, trigger, created, updated, unchanged, removed, error, owner
        case integrationID = "integration_id"
        case queuedAt = "queued_at"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case durationMS = "duration_ms"
        case cancelRequested = "cancel_requested"
    }
}
