package import Foundation
import Logging
import Storage

/// Creates, lists (with live counts) and deletes a workspace's provider accounts.
package struct IntegrationService: Sendable {
    let context: CoreContext
    /// How long each provider may take to answer counts before its row shows a timeout.
    package var countsTimeout: Duration = .seconds(10)
    /// How long fetched counts are served from the cache.
    package var countsMaxAge: TimeInterval = 60

    package init(context: CoreContext) {
        self.context = context
    }

    private var vault: CredentialVault { CredentialVault(cipher: context.cipher) }

    /// Creates an integration: the provider must be loaded, the credentials must carry the fields it requires, the
    /// settings must stay within the operator's allowed hosts, and (unless `validate` is false) the provider must
    /// accept the credentials. Only then are they encrypted and stored.
    package func create(
        _ caller: Caller,
        workspace reference: String,
        provider providerID: String,
        name: String,
        credentials: [String: String],
        settings: [String: String] = [:],
        validate: Bool = true,
        syncIntervalSeconds: Int? = nil
    ) async throws(ServiceError) -> IntegrationSummary {
        let workspaceID = try context.access(reference, caller: caller, for: .manage).id
        try Validation.name(name, field: "integration name")
        let provider = try loadedProvider(providerID)
        try Self.checkCredentials(credentials, against: provider)
        try provider.checkSettings(settings)
        if let syncIntervalSeconds { try Self.checkInterval(syncIntervalSeconds) }
        if validate {
            try await provider.validate(credentials: credentials, settings: settings)
        }
        let now = context.clock()
        let record = IntegrationRecord(
            workspaceID: workspaceID,
            provider: providerID,
            name: name,
            settings: SettingsCodec.encode(settings),
            credentialsCiphertext: Data(),
            keyID: "",
            createdBy: caller.userID,
            createdAt: now,
            updatedAt: now
        )
        let vault = vault
        let database = context.database
        let stored: IntegrationRecord
        do {
            stored = try await onOwnThread {
                try database.insertIntegration(record) { integrationID in
                    try vault.seal(credentials, workspaceID: workspaceID, integrationID: integrationID)
                }
            }
        } catch let error as ServiceError {
            throw error
        } catch let error as StorageError {
            throw ServiceError(error)
        } catch {
            throw ServiceError(.internal, "integration '\(name)': could not be stored: \(error)")
        }
        if let syncIntervalSeconds { try await setInitialInterval(syncIntervalSeconds, integrationID: stored.id ?? 0) }
        context.logger.info(
            "integration created",
            metadata: ["integration": "\(stored.id ?? 0)", "provider": "\(providerID)", "workspace": "\(workspaceID)"]
        )
        return try withSyncState([IntegrationSummary(stored)])[0]
    }

    /// The integrations of a workspace, each with live network and access point counts fetched concurrently (or
    /// served from a cache younger than `countsMaxAge`). A failing provider marks only its own row.
    package func list(
        _ caller: Caller,
        workspace reference: String,
        withCounts: Bool = true,
        refresh: Bool = false
    ) async throws(ServiceError) -> [IntegrationSummary] {
        let workspaceID = try context.access(reference, caller: caller, for: .read).id
        let records = try context.store { () throws(StorageError) in
            try context.database.integrations(inWorkspace: workspaceID)
        }
        var summaries = try withSyncState(records.map(IntegrationSummary.init))
        guard withCounts, !records.isEmpty else { return summaries }
        let now = context.clock()
        let cached =
            refresh
            ? [:]
            : try context.store { () throws(StorageError) in
                try context.database.cachedCounts(integrationIDs: records.compactMap(\.id))
            }
        var stale: [IntegrationRecord] = []
        for (index, record) in records.enumerated() {
            if let hit = cached[record.id ?? 0], now.timeIntervalSince(hit.fetchedAt) < countsMaxAge {
                summaries[index].counts = NetworkCounts(networks: hit.networks, accessPoints: hit.accessPoints)
                summaries[index].countsAgeSeconds = max(0, Int(now.timeIntervalSince(hit.fetchedAt)))
            } else {
                stale.append(record)
            }
        }
        let live = await fetchCounts(stale)
        var fresh: [CountsRecord] = []
        for (index, record) in records.enumerated() {
            guard let outcome = live[record.id ?? 0] else { continue }
            switch outcome {
            case .success(let counts):
                summaries[index].counts = counts
                summaries[index].countsAgeSeconds = 0
                fresh.append(
                    CountsRecord(
                        integrationID: record.id ?? 0,
                        networks: counts.networks,
                        accessPoints: counts.accessPoints,
                        fetchedAt: now
                    )
                )
            case .failure(let error):
                summaries[index].countsError = error.message
            }
        }
        context.database.saveCounts(fresh)  // a cache write failing costs only a later refetch
        return summaries
    }

    /// One integration of a caller's workspace, with cached counts if any.
    package func get(_ caller: Caller, id: Int64) throws(ServiceError) -> IntegrationSummary {
        let record = try integration(caller, id: id, for: .read)
        return try withSyncState([IntegrationSummary(record)])[0]
    }

    /// Deletes an integration with its credentials, networks, counts and sync history, in one transaction.
    package func delete(_ caller: Caller, id: Int64) async throws(ServiceError) {
        try await context.write { () throws(ServiceError) in
            let record = try integration(caller, id: id, for: .manage)
            try context.store { () throws(StorageError) in
                try context.database.deleteIntegration(id: id, actorID: caller.userID, now: context.clock())
            }
            context.logger.info(
                "integration deleted",
                metadata: ["integration": "\(id)", "workspace": "\(record.workspaceID)"]
            )
        }
    }

    /// Loads an integration the caller may act on; another workspace's ids are "not found".
    func integration(_ caller: Caller, id: Int64, for permission: Permission) throws(ServiceError) -> IntegrationRecord
    {
        let record = try context.store { () throws(StorageError) in try context.database.integration(id: id) }
        let notFound = ServiceError(.notFound, "integration \(id): not found; `patchbay integrations list` shows yours")
        guard let record else { throw notFound }
        do {
            try context.authorize(caller, workspaceID: record.workspaceID, for: permission)
        } catch  where error.code == .notFound {
            throw notFound
        }
        return record
    }

    /// The provider of that id. One that is not loaded is not found (404, exit 66): the request is well formed,
    /// the thing it names is missing, which is how the OpenAPI document can describe it.
    func loadedProvider(_ providerID: String) throws(ServiceError) -> any NetworkProvider {
        guard let provider = context.providers.provider(id: providerID) else {
            throw ServiceError(
                .notFound,
                "provider '\(providerID)': not loaded; `patchbay plugins list` shows the loaded providers and why others failed"
            )
        }
        return provider
    }

    private func fetchCounts(_ records: [IntegrationRecord]) async -> [Int64: Result<NetworkCounts, ServiceError>] {
        await withTaskGroup(of: (Int64, Result<NetworkCounts, ServiceError>).self) { group in
            for record in records {
                group.addTask { (record.id ?? 0, await liveCounts(record)) }
            }
            var results: [Int64: Result<NetworkCounts, ServiceError>] = [:]
            for await (id, result) in group { results[id] = result }
            return results
        }
    }

    func liveCounts(_ record: IntegrationRecord) async -> Result<NetworkCounts, ServiceError> {
        do throws(ServiceError) {
            let provider = try loadedProvider(record.provider)
            guard provider.supportsCounts else {
                throw ServiceError(.unavailable, "provider '\(record.provider)': does not report counts")
            }
            let credentials = try vault.open(record)
            let settings = SettingsCodec.decode(record.settings)
            let timeout = ServiceError(
                .unavailable,
                "integration \(record.id ?? 0): the provider did not answer counts within \(countsTimeout); try again later"
            )
            return .success(
                try await withDeadline(countsTimeout, timeoutError: timeout) { () throws(ServiceError) in
                    try await provider.counts(credentials: credentials, settings: settings)
                }
            )
        } catch {
            return .failure(error)
        }
    }

    /// Credentials must be a JSON object of exactly the provider's declared fields, required ones non-empty.
    static func checkCredentials(
        _ credentials: [String: String],
        against provider: any NetworkProvider
    ) throws(ServiceError) {
        let declared = Set(provider.credentialFields.map(\.name))
        if let unknown = credentials.keys.sorted().first(where: { !declared.contains($0) }) {
            throw ServiceError(
                .invalidArgument,
                "credentials: unknown field '\(unknown)' for provider '\(provider.id)'; expected \(declared.sorted().joined(separator: ", "))"
            )
        }
        for field in provider.credentialFields where field.isRequired {
            guard let value = credentials[field.name], !value.isEmpty else {
                throw ServiceError(
                    .invalidArgument,
                    "credentials: missing required field '\(field.name)' for provider '\(provider.id)'; add it to the credentials file"
                )
            }
        }
    }
}
