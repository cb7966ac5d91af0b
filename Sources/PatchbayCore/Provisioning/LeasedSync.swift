import Foundation
import Logging
import Storage
import Synchronization

/// One running job, executed by the process that holds its lease: fetch (pages staged, no lock held), then one
/// short apply. A watcher renews the lease and polls the cancel flag meanwhile; any stop cancels the plugin call
/// (its `is_cancelled` turns non-zero) and the job ends `cancelled` or `abandoned`, having changed nothing.
struct LeasedSync: Sendable {
    let context: CoreContext
    let run: SyncRunRecord
    let lease: JobLease
    let record: IntegrationRecord
    let provider: any NetworkProvider
    let credentials: [String: String]

    var runID: Int64 { run.id ?? 0 }
    var integrationID: Int64 { run.integrationID }

    func execute(progress: @escaping @Sendable (Int) -> Void) async throws(ServiceError) -> SyncRunSummary {
        let started = ContinuousClock.now
        let result: Result<SyncRunSummary, ServiceError>
        do {
            result = .success(try await fetchAndApply(progress: progress))
        } catch {
            result = .failure(error)
        }
        SyncMetrics.finished(result, after: .now - started)
        await clearStaging()
        return try result.get()
    }

    private func fetchAndApply(progress: @escaping @Sendable (Int) -> Void) async throws(ServiceError) -> SyncRunSummary
    {
        let stop = SyncStop()
        let listing = startListing(progress: progress)
        let watcher = Task { await watch(listing: listing, stop: stop) }
        let outcome = await withTaskCancellationHandler {
            await listing.value
        } onCancel: {
            stop.set(.interrupted)
            listing.cancel()
        }
        watcher.cancel()
        await watcher.value
        if let reason = stop.current {
            throw try await stopped(reason)
        }
        if case .failure(let error) = outcome {
            try await finish(status: .failed, error: error.message)
            context.logger.warning(
                "sync failed; previous networks kept",
                metadata: ["integration": "\(integrationID)", "run": "\(runID)", "error": "\(error.message)"]
            )
            throw error
        }
        return try await apply()
    }

    /// Pages the provider on its own task; each page is staged before the plugin gets the next one.
    private func startListing(
        progress: @escaping @Sendable (Int) -> Void
    ) -> Task<Result<Void, ServiceError>, Never> {
        let database = context.database
        let cipher = context.cipher
        let settings = SettingsCodec.decode(record.settings)
        let fetched = Atomic<Int>(0)
        let (provider, credentials, runID) = (provider, credentials, runID)
        return Task {
            do throws(ServiceError) {
                try await provider.listNetworks(credentials: credentials, settings: settings) { page in
                    try database.stageNetworks(runID: runID, page.map { Self.synced($0, cipher: cipher) })
                    progress(fetched.add(page.count, ordering: .relaxed).newValue)
                }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
    }

    /// Renews the lease every heartbeat and reads the cancel flag every poll, until cancelled.
    private func watch(listing: Task<Result<Void, ServiceError>, Never>, stop: SyncStop) async {
        let (database, jobs, clock, lease, runID) = (context.database, context.jobs, context.clock, lease, runID)
        var lastRenewal = ContinuousClock.now
        while !Task.isCancelled {
            try? await Task.sleep(for: jobs.cancelPoll)
            guard !Task.isCancelled else { return }
            do {
                if ContinuousClock.now - lastRenewal >= jobs.heartbeat {
                    let check = try await onOwnThread {
                        try database.renewLease(runID: runID, lease: lease, now: clock())
                    }
                    lastRenewal = .now
                    switch check {
                    case .held(let cancelRequested) where cancelRequested: stop.set(.cancelRequested)
                    case .held: continue
                    case .lost(let run): stop.set(.leaseLost(run))
                    }
                } else if try database.cancelRequested(runID: runID) {
                    stop.set(.cancelRequested)
                }
            } catch {
                // A busy heartbeat is retried at the next poll; the lease has two more beats of slack.
                context.logger.info("sync heartbeat failed", metadata: ["run": "\(runID)", "error": "\(error)"])
                continue
            }
            if stop.current != nil {
                listing.cancel()
                return
            }
        }
    }

    private func apply() async throws(ServiceError) -> SyncRunSummary {
        let (database, clock, lease, run, workspaceID) = (
            context.database, context.clock, lease, run, record.workspaceID
        )
        let outcome = try await context.storeOffThread { () throws(StorageError) in
            try database.applyStaged(
                run,
                lease: lease,
                workspaceID: workspaceID,
                now: clock(),
                jitter: .random(in: 0..<1)
            )
        }
        switch outcome {
        case .applied(let finished):
            context.logger.info(
                "sync finished",
                metadata: [
                    "integration": "\(integrationID)", "run": "\(runID)", "created": "\(finished.created)",
                    "updated": "\(finished.updated)", "unchanged": "\(finished.unchanged)",
                    "removed": "\(finished.removed)", "duration_ms": "\(finished.durationMS ?? 0)",
                ]
            )
            return SyncRunSummary(finished)
        case .cancelled:
            throw Self.cancelledError(runID)
        case .lost(let current):
            throw Self.lostError(runID, current)
        }
    }

    /// Ends the job for a stop reason and returns the error the caller sees.
    private func stopped(_ reason: SyncStopReason) async throws(ServiceError) -> ServiceError {
        switch reason {
        case .interrupted:
            try await finish(
                status: .cancelled,
                error: "interrupted: the process running it was stopped; nothing was changed"
            )
            return Self.cancelledError(runID)
        case .cancelRequested:
            try await finish(status: .cancelled, error: "cancelled on request; nothing was changed")
            return Self.cancelledError(runID)
        case .leaseLost(let current):
            return Self.lostError(runID, current)
        }
    }

    private func finish(status: SyncRunStatus, error: String) async throws(ServiceError) {
        let (database, clock, lease, run) = (context.database, context.clock, lease, run)
        _ = try await context.storeOffThread { () throws(StorageError) in
            try database.finishJob(
                run,
                lease: lease,
                status: status,
                error: error,
                now: clock(),
                jitter: .random(in: 0..<1)
            )
        }
    }

    private func clearStaging() async {
        let (database, runID) = (context.database, runID)
        do {
            try await context.storeOffThread { () throws(StorageError) in try database.clearStaging(runID: runID) }
        } catch {
            // Left-over staged rows are invisible and go with the run (or the next reap); never fail a sync for them.
            context.logger.info("could not clear staged pages", metadata: ["run": "\(runID)", "error": "\(error)"])
        }
    }

    static func cancelledError(_ runID: Int64) -> ServiceError {
        ServiceError(.cancelled, "sync run \(runID): cancelled; nothing was changed")
    }

    static func lostError(_ runID: Int64, _ current: SyncRunRecord?) -> ServiceError {
        guard let current else {
            return ServiceError(.notFound, "sync run \(runID): gone (its integration was deleted); nothing was changed")
        }
        return ServiceError(
            .unavailable,
            "sync run \(runID): \(current.status): \(current.error ?? "this process lost its lease"); nothing was changed"
        )
    }

    static func synced(_ network: UpstreamNetwork, cipher: any CredentialCipher) -> SyncedNetwork {
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
}
