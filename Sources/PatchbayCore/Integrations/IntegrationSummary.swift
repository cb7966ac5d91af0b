package import Foundation
import Storage

/// An integration as surfaces show it: never its credentials.
package struct IntegrationSummary: Sendable, Equatable, Codable {
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

    enum CodingKeys: String, CodingKey {
        case id, provider, name, settings, counts
        case workspaceID = "workspace_id"
        case createdAt = "created_at"
        case lastSyncAt = "last_sync_at"
        case lastSyncStatus = "last_sync_status"
        case lastSyncError = "last_sync_error"
        case countsError = "counts_error"
        case countsAgeSeconds = "counts_age_seconds"
        case syncIntervalSeconds = "sync_interval_seconds"
        case lastSync = "last_sync"
        case nextSyncAt = "next_sync_at"
    }

    /// Encodes the sync fields as explicit nulls when absent: they are part of the contract.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(workspaceID, forKey: .workspaceID)
        try container.encode(provider, forKey: .provider)
        try container.encode(name, forKey: .name)
        try container.encode(settings, forKey: .settings)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encodeIfPresent(lastSyncAt, forKey: .lastSyncAt)
        try container.encodeIfPresent(lastSyncStatus, forKey: .lastSyncStatus)
        try container.encodeIfPresent(lastSyncError, forKey: .lastSyncError)
        try container.encodeIfPresent(counts, forKey: .counts)
        try container.encodeIfPresent(countsError, forKey: .countsError)
        try container.encodeIfPresent(countsAgeSeconds, forKey: .countsAgeSeconds)
        try container.encode(syncIntervalSeconds, forKey: .syncIntervalSeconds)
        try container.encode(lastSync, forKey: .lastSync)
        try container.encode(nextSyncAt, forKey: .nextSyncAt)
    }

    /// The latest finished sync of an integration, in short.
    package struct LastSync: Sendable, Equatable, Codable {
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

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(runID, forKey: .runID)
            try container.encode(status, forKey: .status)
            try container.encode(finishedAt, forKey: .finishedAt)
            try container.encode(error, forKey: .error)
        }

        enum CodingKeys: String, CodingKey {
            case status, error
            case runID = "run_id"
            case finishedAt = "finished_at"
        }
    }
}

/// Provider settings are stored as a JSON object of strings.
enum SettingsCodec {
    static func encode(_ settings: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(settings) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
