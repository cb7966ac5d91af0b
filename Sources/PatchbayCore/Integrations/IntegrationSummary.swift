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
