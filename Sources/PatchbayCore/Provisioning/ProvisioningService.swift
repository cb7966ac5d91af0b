import Foundation
import Logging
import Storage

/// Syncs an integration's networks from its provider as leased jobs: one live job per integration across every
/// process (the database enforces it), fetched without holding the write lock and applied in one short
/// transaction. A failed, cancelled or abandoned job changes nothing visible.
package struct ProvisioningService: Sendable {
    let context: CoreContext

    package init(context: CoreContext) {
        self.context = context
    }

    private var integrations: IntegrationService { IntegrationService(context: context) }

    /// Syncs one integration in this process, as a job leased to it. A second sync while one is live (here or in
    /// any other process) is refused with `conflict` naming the live run. `progress` gets the networks fetched so far.
    package func sync(
        _ caller: Caller,
        integrationID: Int64,
        started: @Sendable (_ runID: Int64) -> Void = { _ in },
        progress: @escaping @Sendable (_ fetched: Int) -> Void = { _ in }
    ) async throws(ServiceError) -> SyncRunSummary {
        let leased = try await start(caller, integrationID: integrationID)
        started(leased.runID)
        return try await leased.execute(progress: progress)
    }

    /// Admits a job leased to this process and returns it ready to execute; its run id is known at once.
    func start(_ caller: Caller, integrationID: Int64) async throws(ServiceError) -> LeasedSync {
        let record = try integrations.integration(caller, id: integrationID, for: .sync)
        let provider = try integrations.loadedProvider(record.provider)
        let credentials = try CredentialVault(cipher: context.cipher).open(record)
        let lease = JobLease(owner: context.jobs.owner, duration: context.jobs.leaseDuration)
        let run = try await admit(record, requestedBy: caller.userID, lease: lease)
        return LeasedSync(
            context: context,
            run: run,
            lease: lease,
            record: record,
            provider: provider,
            credentials: credentials
        )
    }

    /// Queues a sync for a worker (`serve`'s own or `patchbay worker`) and returns its run at once.
    package func enqueue(_ caller: Caller, integrationID: Int64) async throws(ServiceError) -> SyncRunSummary {
        let record = try integrations.integration(caller, id: integrationID, for: .sync)
        _ = try integrations.loadedProvider(record.provider)
        return SyncRunSummary(try await admit(record, requestedBy: caller.userID, lease: nil))
    }

    /// Asks a run to stop: a queued one is cancelled at once, a running one by its owner (which polls the flag)
    /// within a fraction of a second of its plugin call returning. A finished run is a conflict.
    package func cancel(_ caller: Caller, runID: Int64) async throws(ServiceError) -> SyncRunSummary {
        let run = try self.run(caller, id: runID)
        _ = try integrations.integration(caller, id: run.integrationID, for: .sync)
        let database = context.database
        let now = context.clock()
        let updated = try await context.storeOffThread { () throws(StorageError) in
            try database.requestCancel(runID: runID, now: now)
        }
        guard let updated else { throw Self.runNotFound(runID) }
        if !updated.isLive && updated.status != .cancelled {
            throw ServiceError(
                .conflict,
                "sync run \(runID): already \(updated.status); only a queued or running sync can be cancelled"
            )
        }
        context.logger.info("sync cancel requested", metadata: ["run": "\(runID)", "status": "\(updated.status)"])
        return SyncRunSummary(updated)
    }

    /// One run of the caller's integrations; another workspace's runs are "not found". A running run whose lease
    /// expired is marked `abandoned` first: no run is shown running past its lease.
    package func run(_ caller: Caller, id: Int64) throws(ServiceError) -> SyncRunSummary {
        guard var record = try context.store({ () throws(StorageError) in try context.database.syncRun(id: id) })
        else { throw Self.runNotFound(id) }
        do {
            _ = try integrations.integration(caller, id: record.integrationID, for: .read)
        } catch  where error.code == .notFound {
            throw Self.runNotFound(id)
        }
        if try reapIfExpired([record]) {
            record = try context.store { () throws(StorageError) in try context.database.syncRun(id: id) } ?? record
        }
        return SyncRunSummary(record)
    }

    /// The run history of an integration, newest first.
    package func runs(_ caller: Caller, integrationID: Int64, limit: Int = 20) throws(ServiceError) -> [SyncRunSummary]
    {
        _ = try integrations.integration(caller, id: integrationID, for: .read)
        let load = { () throws(ServiceError) in
            try context.store { () throws(StorageError) in
                try context.database.syncRuns(integrationID: integrationID, limit: limit)
            }
        }
        let records = try load()
        return try (reapIfExpired(records) ? load() : records).map(SyncRunSummary.init)
    }

    /// The live (queued or running) run of an integration, in any process.
    package func liveRun(of integrationID: Int64) -> Int64? {
        (try? context.database.liveSyncRun(integrationID: integrationID))??.id
    }

    private func admit(
        _ record: IntegrationRecord,
        requestedBy: Int64?,
        lease: JobLease?
    ) async throws(ServiceError) -> SyncRunRecord {
        let (database, now, integrationID) = (context.database, context.clock(), record.id ?? 0)
        let workspaceID = record.workspaceID
        let admission = try await context.storeOffThread { () throws(StorageError) in
            try database.admitSyncJob(
                integrationID: integrationID,
                workspaceID: workspaceID,
                trigger: .manual,
                requestedBy: requestedBy,
                lease: lease,
                now: now
            )
        }
        switch admission {
        case .admitted(let run): return run
        case .alreadyLive(let live): throw Self.alreadyLive(live)
        }
    }

    /// Reaps when one of `runs` shows running past its lease; true when it did.
    private func reapIfExpired(_ runs: [SyncRunRecord]) throws(ServiceError) -> Bool {
        let now = context.clock()
        guard runs.contains(where: { $0.status == .running && ($0.leaseExpiresAt ?? now) < now }) else { return false }
        _ = try context.store { () throws(StorageError) in try context.database.abandonExpiredJobs(now: now) }
        return true
    }

    static func alreadyLive(_ live: SyncRunRecord) -> ServiceError {
        let runID = live.id ?? 0
        return ServiceError(
            .conflict,
            "integration \(live.integrationID): a sync is already \(live.status) (run \(runID)); wait for it or cancel it with `patchbay syncs cancel \(runID)`"
        )
    }

    static func runNotFound(_ runID: Int64) -> ServiceError {
        ServiceError(.notFound, "sync run \(runID): not found; `patchbay syncs list --integration ID` shows the runs")
    }
}
