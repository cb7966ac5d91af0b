package import Foundation

/// An integration's sync interval and when its next scheduled sync is due. No row: the integration syncs only when
/// asked.
package struct SyncScheduleRecord: Codable, Sendable, Equatable {
    package var integrationID: Int64
    package var intervalSeconds: Int
    package var nextSyncAt: Date
    /// Failed runs in a row; the next one waits interval × 2^failures, at most interval × 8.
    package var failures: Int

    package init(integrationID: Int64, intervalSeconds: Int, nextSyncAt: Date, failures: Int = 0) {
        self.integrationID = integrationID
        self.intervalSeconds = intervalSeconds
        self.nextSyncAt = nextSyncAt
        self.failures = failures
    }

    enum CodingKeys: String, CodingKey {
        case failures
        case integrationID = "integration_id"
        case intervalSeconds = "interval_seconds"
        case nextSyncAt = "next_sync_at"
    }
}
