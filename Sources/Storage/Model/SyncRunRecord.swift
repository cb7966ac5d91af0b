package import Foundation

/// One sync of one integration: what it changed, how long it took, and why it failed if it did.
package struct SyncRunRecord: Codable, Sendable, Equatable {
    package var id: Int64?
    package var integrationID: Int64
    package var status: SyncRunStatus
    package var startedAt: Date
    package var finishedAt: Date?
    package var created: Int
    package var updated: Int
    package var unchanged: Int
    package var removed: Int
    package var durationMS: Int?
    package var error: String?

    package init(
        id: Int64? = nil,
        integrationID: Int64,
        status: SyncRunStatus,
        startedAt: Date,
        finishedAt: Date? = nil,
        created: Int = 0,
        updated: Int = 0,
        unchanged: Int = 0,
        removed: Int = 0,
        durationMS: Int? = nil,
        error: String? = nil
    ) {
        self.id = id
        self.integrationID = integrationID
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
        self.removed = removed
        self.durationMS = durationMS
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case id, status, created, updated, unchanged, removed, error
        case integrationID = "integration_id"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case durationMS = "duration_ms"
    }
}
