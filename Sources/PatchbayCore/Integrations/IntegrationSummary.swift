package import Foundation
import JSONText
import Storage

/// An integration as surfaces show it: never its credentials.
/// Written as JSON by `JSONWriter.integration` (PatchbayServer), the one encoder the API and the CLI share.
package struct IntegrationSummary: Sendable, Equatable {
    package var id: Int64
    package var workspaceID: Int64
    package var provider: String
    package var name: String
    package var settings: [String: String]
    package var createdAt: Date
    package var lastSyncAt: Date?
    package var lastSyncStatus: String?
    package var lastSyncError: String?
    /// Live (or recently cached) counts; nil when they could not be fetched or were not asked for.
    package var counts: NetworkCounts?
    /// Why `counts` is missing, when it was asked for.
    package var countsError: String?
    /// How old `counts` is, in seconds: 0 when fetched for this answer.
    package var countsAgeSeconds: Int?
    /// The sync interval; nil when the integration syncs only when asked.
    package var syncIntervalSeconds: Int?
    /// The latest finished sync run, if any.
    package var lastSync: LastSync?
    /// When the scheduler will queue the next sync (includes back-off after failures); nil without an interval.
    package var nextSyncAt: Date?

    init(_ record: IntegrationRecord) {
        id = record.id ?? 0
        workspaceID = record.workspaceID
        provider = record.provider
        name = record.name
        settings = SettingsCodec.decode(record.settings)
        createdAt = record.createdAt
        lastSyncAt = record.lastSyncAt
        lastSyncStatus = record.lastSyncStatus?.rawValue
        lastSyncError = record.lastSyncError
    }

    /// The latest finished sync of an integration, in short.
    package struct LastSync: Sendable, Equatable {
        package var runID: Int64
        package var status: String
        package var finishedAt: Date?
        package var error: String?

        init(_ run: SyncRunRecord) {
            runID = run.id ?? 0
            status = run.status.rawValue
            finishedAt = run.finishedAt
            error = run.error
        }
    }
}

/// Provider settings are stored as a JSON object of strings.
enum SettingsCodec {
    static func encode(_ settings: [String: String]) -> String {
        String(decoding: JSONWriter.bytes(of: settings), as: UTF8.self)
    }

    static func decode(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
