package import Foundation

/// One sync of one integration, as a leased job: queued, then running under an owner whose lease a heartbeat
/// renews, then finished (`succeeded`, `failed`, `cancelled`) or `abandoned` when the owner stopped renewing.
package struct SyncRunRecord: Codable, Sendable, Equatable {
    package var id: Int64?
    package var integrationID: Int64
    package var status: SyncRunStatus
    /// `manual` (a person or script asked) or `schedule` (the integration's sync interval came due).
    package var trigger: SyncTrigger
    package var requestedBy: Int64?
    package var queuedAt: Date
    /// When a scheduled run was due: the start minus this is the scheduling lag.
    package var dueAt: Date?
    /// The process running the job (`host/pid/instance`), nil while queued.
    package var owner: String?
    package var leaseExpiresAt: Date?
    package var cancelRequestedAt: Date?
    package var startedAt: Date?
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
        trigger: SyncTrigger = .manual,
        requestedBy: Int64? = nil,
        queuedAt: Date,
        dueAt: Date? = nil,
        owner: String? = nil,
        leaseExpiresAt: Date? = nil,
        cancelRequestedAt: Date? = nil,
        startedAt: Date? = nil,
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
        self.trigger = trigger
        self.requestedBy = requestedBy
        self.queuedAt = queuedAt
        self.dueAt = dueAt
        self.owner = owner
        self.leaseExpiresAt = leaseExpiresAt
        self.cancelRequestedAt = cancelRequestedAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
        self.removed = removed
        self.durationMS = durationMS
        self.error = error
    }

    /// True while the run holds its integration's one live-job slot.
    package var isLive: Bool { status == .queued || status == .running }

    enum CodingKeys: String, CodingKey {
        case id, status, trigger, owner, created, updated, unchanged, removed, error
        case integrationID = "integration_id"
        case requestedBy = "requested_by"
        case queuedAt = "queued_at"
        case dueAt = "due_at"
        case leaseExpiresAt = "lease_expires_at"
        case cancelRequestedAt = "cancel_requested_at"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case durationMS = "duration_ms"
    }
}
