package import Foundation
import Storage

/// One sync run as surfaces show it.
package struct SyncRunSummary: Sendable, Equatable, Codable {
    package var id: Int64
    package var integrationID: Int64
    package var status: String
    package var startedAt: Date
    package var finishedAt: Date?
    package var created: Int
    package var updated: Int
    package var unchanged: Int
    package var removed: Int
    package var durationMS: Int?
    package var error: String?

    init(_ record: SyncRunRecord) {
        id = record.id ?? 0
        integrationID = record.integrationID
        status = record.status.rawValue
        startedAt = record.startedAt
        finishedAt = record.finishedAt
        created = record.created
        updated = record.updated
        unchanged = record.unchanged
        removed = record.removed
        durationMS = record.durationMS
        error = record.error
    }

    enum CodingKeys: String, CodingKey {
        case id, status, created, updated, unchanged, removed, error
        case integrationID = "integration_id"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case durationMS = "duration_ms"
    }
}
