import Foundation
import Logging
import Storage

/// What `update` changes; nil fields stay as they are.
package struct IntegrationChanges: Sendable, Equatable {
    package enum SyncInterval: Sendable, Equatable {
        case every(seconds: Int)
        case off
    }

    package var name: String?
    package var syncInterval: SyncInterval?
    /// Merged over the current settings; an empty value removes the setting.
    package var settings: [String: String]?

    package init(name: String? = nil, syncInterval: SyncInterval? = nil, settings: [String: String]? = nil) {
        self.name = name
        self.syncInterval = syncInterval
        self.settings = settings
    }
}

extension IntegrationService {
    /// Renames an integration, sets or clears its sync interval, or changes its settings (checked by its provider
    /// as at create). Returns it as `get` would.
    package func update(
        _ caller: Caller,
        id: Int64,
        _ changes: IntegrationChanges
    ) async throws(ServiceError)
        -> IntegrationSummary
    {
        let record = try integration(caller, id: id, for: .manage)
        if let name = changes.name { try Validation.name(name, field: "integration name") }
        let settings = try changes.settings.map { changed throws(ServiceError) in
            var merged = SettingsCodec.decode(record.settings)
            for (key, value) in changed { merged[key] = value.isEmpty ? nil : value }
            try loadedProvider(record.provider).checkSettings(merged)
            return SettingsCodec.encode(merged)
        }
        if case .every(let seconds) = changes.syncInterval { try Self.checkInterval(seconds) }
        let (database, now, actor) = (context.database, context.clock(), caller.userID)
        let name = changes.name
        let interval = changes.syncInterval
        try await context.storeOffThread { () throws(StorageError) in
            try database.updateIntegration(id: id, name: name, settings: settings, actorID: actor, now: now)
            switch interval {
            case .every(let seconds):
                try database.setSyncInterval(integrationID: id, seconds: seconds, firstDue: Self.firstDue(seconds, now))
            case .off:
                try database.setSyncInterval(integrationID: id, seconds: nil, firstDue: now)
            case nil:
                break
            }
        }
        context.logger.info("integration updated", metadata: ["integration": "\(id)"])
        return try get(caller, id: id)
    }

    /// Sets the interval of a new integration (create calls this once the row exists).
    func setInitialInterval(_ seconds: Int, integrationID: Int64) async throws(ServiceError) {
        let (database, now) = (context.database, context.clock())
        try await context.storeOffThread { () throws(StorageError) in
            try database.setSyncInterval(
                integrationID: integrationID,
                seconds: seconds,
                firstDue: Self.firstDue(seconds, now)
            )
        }
    }

    /// Adds the schedule and the latest finished run to summaries.
    func withSyncState(_ summaries: [IntegrationSummary]) throws(ServiceError) -> [IntegrationSummary] {
        let ids = summaries.map(\.id)
        let (schedules, lastRuns) = try context.store { () throws(StorageError) in
            (
                try context.database.syncSchedules(integrationIDs: ids),
                try context.database.lastFinishedRuns(integrationIDs: ids)
            )
        }
        return summaries.map { summary in
            var summary = summary
            summary.syncIntervalSeconds = schedules[summary.id]?.intervalSeconds
            summary.nextSyncAt = schedules[summary.id]?.nextSyncAt
            summary.lastSync = lastRuns[summary.id].map(IntegrationSummary.LastSync.init)
            return summary
        }
    }

    static func checkInterval(_ seconds: Int) throws(ServiceError) {
        guard seconds >= 1 else {
            throw ServiceError(
                .invalidArgument,
                "sync interval \(seconds) s: too short; use at least 1 second, or turn scheduled syncs off"
            )
        }
    }

    /// The first scheduled sync comes due within a tenth of the interval (at most a minute), spread at random so
    /// integrations scheduled together do not all fire together.
    static func firstDue(_ seconds: Int, _ now: Date) -> Date {
        now.addingTimeInterval(Double.random(in: 0..<min(Double(seconds) * 0.1, 60)))
    }
}
