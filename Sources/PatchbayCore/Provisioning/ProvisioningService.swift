import Foundation
import Logging
package import Storage

/// Pulls an integration's networks from its provider and upserts them locally, one transaction per sync.
package struct ProvisioningService: Sendable {
    let context: CoreContext

    package init(context: CoreContext) {
        self.context = context
    }

    private var integrations: IntegrationService { IntegrationService(context: context) }

    /// Syncs one integration. Pages are upserted as they stream in, inside one transaction that commits only when
    /// the provider reported the listing complete: an error, a timeout or a cancellation changes nothing and is
    /// recorded on the run. A second sync of the same integration while one runs is refused with `conflict`.
    package func sync(
        _ caller: Caller,
        integrationID: Int64,
        progress: @escaping @Sendable (SyncTally) -> Void = { _ in }
    ) async throws(ServiceError) -> SyncRunSummary {
        let pending = try await startSync(caller, integrationID: integrationID)
        return try await complete(pending, progress: progress)
    }

    /// The first half of `sync`: checks the caller, admits the sync (or refuses with `conflict`) and records its run
    /// row, so a surface can answer with the run id at once. Pass the result to `complete` exactly once: until then
    /// it holds the integration's one sync slot.
    package func startSync(_ caller: Caller, integrationID: Int64) async throws(ServiceError) -> PendingSync {
        try await context.write { () throws(ServiceError) in
            let record = try integrations.integration(caller, id: integrationID, for: .sync)
            if let running = context.syncGate.enter(integrationID) {
                throw Self.alreadyRunning(integrationID, runID: running)
            }
            do throws(ServiceError) {
                let provider = try integrations.loadedProvider(record.provider)
                let credentials = try CredentialVault(cipher: context.cipher).open(record)
                let run = try context.store { () throws(StorageError) in
                    try context.database.startSyncRun(
                        integrationID: integrationID,
                        workspaceID: record.workspaceID,
                        actorID: caller.userID,
                        now: context.clock()
                    )
                }
                context.syncGate.record(runID: run.id ?? 0, for: integrationID)
                return PendingSync(run: run, record: record, provider: provider, credentials: credentials)
            } catch {
                context.syncGate.leave(integrationID)
                throw error
            }
        }
    }

    /// The second half of `sync`: runs a started sync to its end and frees the integration's sync slot.
    package func complete(
        _ pending: PendingSync,
        progress: @escaping @Sendable (SyncTally) -> Void = { _ in }
    ) async throws(ServiceError) -> SyncRunSummary {
        defer { context.syncGate.leave(pending.record.id ?? 0) }
        return try await execute(
            run: pending.run,
            record: pending.record,
            provider: pending.provider,
            credentials: pending.credentials,
            progress: progress
        )
    }

    /// One run of the caller's integrations; another workspace's runs are "not found".
    package func run(_ caller: Caller, id: Int64) throws(ServiceError) -> SyncRunSummary {
        let record = try context.store { () throws(StorageError) in try context.database.syncRun(id: id) }
        let notFound = ServiceError(.notFound, "sync run \(id): not found; list an integration's runs to find one")
        guard let record else { throw notFound }
        do {
            _ = try integrations.integration(caller, id: record.integrationID, for: .read)
        } catch  where error.code == .notFound {
            throw notFound
        }
        return SyncRunSummary(record)
    }

    /// The run history of an integration, newest first.
    package func runs(_ caller: Caller, integrationID: Int64, limit: Int = 20) throws(ServiceError) -> [SyncRunSummary]
    {
        _ = try integrations.integration(caller, id: integrationID, for: .read)
        return try context.store { () throws(StorageError) in
            try context.database.syncRuns(integrationID: integrationID, limit: limit)
        }.map(SyncRunSummary.init)
    }

    /// The id of the sync running for an integration in this process, if any.
    package func runningRun(of integrationID: Int64) -> Int64? {
        context.syncGate.runningRun(of: integrationID)
    }

    static func alreadyRunning(_ integrationID: Int64, runID: Int64) -> ServiceError {
        ServiceError(
            .conflict,
            "integration \(integrationID): a sync is already running (run \(runID)); wait for it to finish"
        )
    }

    private func execute(
        run: SyncRunRecord,
        record: IntegrationRecord,
        provider: any NetworkProvider,
        credentials: [String: String],
        progress: @escaping @Sendable (SyncTally) -> Void
    ) async throws(ServiceError) -> SyncRunSummary {
        let channel = PageChannel()
        let cipher = context.cipher
        let settings = SettingsCodec.decode(record.settings)
        let listing = Task {
            do throws(ServiceError) {
                try await provider.listNetworks(credentials: credentials, settings: settings) { page in
                    try channel.put(page.map { Self.synced($0, cipher: cipher) })
                }
                channel.finish(nil)
            } catch {
                channel.finish(error)
            }
        }
        let database = context.database
        let clock = context.clock
        let outcome: Result<SyncRunRecord, any Error> = await withTaskCancellationHandler {
            do {
                return .success(
                    try await onOwnThread {
                        try database.applySync(
                            run: run,
                            workspaceID: record.workspaceID,
                            pages: channel,
                            clock: clock,
                            progress: progress
                        )
                    }
                )
            } catch {
                return .failure(error)
            }
        } onCancel: {
            channel.close(
                ServiceError(.cancelled, "integration \(record.id ?? 0): sync cancelled; nothing was changed")
            )
            listing.cancel()
        }
        channel.close(ServiceError(.cancelled, "sync finished"))  // releases a provider still blocked on a page
        await listing.value
        switch outcome {
        case .success(let finished):
            context.logger.info(
                "sync finished",
                metadata: [
                    "integration": "\(record.id ?? 0)", "created": "\(finished.created)",
                    "updated": "\(finished.updated)", "unchanged": "\(finished.unchanged)",
                    "removed": "\(finished.removed)", "duration_ms": "\(finished.durationMS ?? 0)",
                ]
            )
            return SyncRunSummary(finished)
        case .failure(let error):
            let failure = Self.serviceError(error, integrationID: record.id ?? 0)
            let failed = try? context.database.failSyncRun(run, error: failure.message, now: context.clock())
            context.logger.warning(
                "sync failed; previous networks kept",
                metadata: [
                    "integration": "\(record.id ?? 0)", "run": "\(failed?.id ?? run.id ?? 0)",
                    "error": "\(failure.message)",
                ]
            )
            throw failure
        }
    }

    private static func synced(_ network: UpstreamNetwork, cipher: any CredentialCipher) -> SyncedNetwork {
        // Everything stored for the network goes into its digest; equal digests mean an unchanged row.
        let material = [network.name, network.organizationID ?? "", network.raw].joined(separator: "\u{1F}")
        return SyncedNetwork(
            externalID: network.externalID,
            name: network.name,
            organizationID: network.organizationID,
            config: network.raw,
            contentHash: cipher.digest(Array(material.utf8))
        )
    }

    private static func serviceError(_ error: any Error, integrationID: Int64) -> ServiceError {
        switch error {
        case let error as ServiceError: error
        case let error as StorageError: ServiceError(error)
        default: ServiceError(.internal, "integration \(integrationID): sync failed: \(error)")
        }
    }
}
