import Foundation
import Storage

/// What the console asks of integrations beyond the CLI: one row's counts at a time (so a slow provider delays
/// only its own row), and checking credentials before anything is stored.
extension IntegrationService {
    /// One integration with its network and access point counts: from the cache when younger than
    /// `countsMaxAge` (unless `refresh`), else live. A provider failure is reported in `countsError`, not thrown.
    package func counts(
        _ caller: Caller,
        id: Int64,
        refresh: Bool = false
    ) async throws(ServiceError)
        -> IntegrationSummary
    {
        let record = try integration(caller, id: id, for: .read)
        var summary = IntegrationSummary(record)
        let now = context.clock()
        if !refresh,
            let hit = try context.store({ () throws(StorageError) in
                try context.database.cachedCounts(integrationIDs: [id])
            })[id],
            now.timeIntervalSince(hit.fetchedAt) < countsMaxAge
        {
            summary.counts = NetworkCounts(networks: hit.networks, accessPoints: hit.accessPoints)
            summary.countsAgeSeconds = max(0, Int(now.timeIntervalSince(hit.fetchedAt)))
            return summary
        }
        switch await liveCounts(record) {
        case .success(let counts):
            summary.counts = counts
            summary.countsAgeSeconds = 0
            context.database.saveCounts([
                CountsRecord(
                    integrationID: id,
                    networks: counts.networks,
                    accessPoints: counts.accessPoints,
                    fetchedAt: now
                )
            ])
        case .failure(let error):
            summary.countsError = error.message
        }
        return summary
    }

    /// Asks the provider whether it accepts these credentials and settings, without storing anything: the
    /// "validate first" of the console's form. Admins only, as creating is.
    package func check(
        _ caller: Caller,
        workspace reference: String,
        provider providerID: String,
        credentials: [String: String],
        settings: [String: String]
    ) async throws(ServiceError) -> CredentialCheck {
        let workspaceID = try context.access(reference, caller: caller, for: .manage).id
        let provider = try loadedProvider(providerID)
        try Self.checkCredentials(credentials, against: provider)
        try provider.checkSettings(settings)
        return try await provider.check(credentials: credentials, settings: settings)
    }
}
