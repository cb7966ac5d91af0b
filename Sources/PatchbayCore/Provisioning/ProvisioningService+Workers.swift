import Foundation
import Logging
import Storage

extension ProvisioningService {
    /// Leases the oldest queued job to this process and runs it to its end; false when none was waiting. Errors of
    /// the sync itself are recorded on its run, not thrown: a worker moves on to the next job.
    package func runNextQueuedJob() async throws(ServiceError) -> Bool {
        let (database, now) = (context.database, context.clock())
        let lease = JobLease(owner: context.jobs.owner, duration: context.jobs.leaseDuration)
        guard
            let run = try await context.storeOffThread({ () throws(StorageError) in
                try database.claimQueuedJob(lease: lease, now: now)
            })
        else { return false }
        let leased: LeasedSync
        do {
            leased = try prepare(run, lease: lease)
        } catch {
            // The job never reached the provider (integration gone, provider not loaded): it ends with why.
            let clock = context.clock
            _ = try? await context.storeOffThread { () throws(StorageError) in
                try database.finishJob(
                    run,
                    lease: lease,
                    status: .failed,
                    error: error.message,
                    now: clock(),
                    jitter: .random(in: 0..<1)
                )
            }
            return true
        }
        do {
            _ = try await leased.execute(progress: { _ in })
        } catch {
            // Recorded on the run (and logged) by the job itself.
            context.logger.debug("worker's sync ended with an error", metadata: ["run": "\(run.id ?? 0)"])
        }
        return true
    }

    /// One scheduler tick: reaps expired leases and queues every integration whose interval came due. Returns the
    /// number of jobs queued.
    package func scheduleDueSyncs() async throws(ServiceError) -> Int {
        let (database, now) = (context.database, context.clock())
        return try await context.storeOffThread { () throws(StorageError) in
            try database.abandonExpiredJobs(now: now)
            return try database.enqueueDueSyncs(now: now).count
        }
    }

    /// A claimed job, with what executing it needs (no caller: the job was authorized when it was requested).
    private func prepare(_ run: SyncRunRecord, lease: JobLease) throws(ServiceError) -> LeasedSync {
        let integrationID = run.integrationID
        guard
            let record = try context.store({ () throws(StorageError) in
                try context.database.integration(id: integrationID)
            })
        else { throw ServiceError(.notFound, "integration \(integrationID): deleted before its sync started") }
        let provider = try IntegrationService(context: context).loadedProvider(record.provider)
        let credentials = try CredentialVault(cipher: context.cipher).open(record)
        return LeasedSync(
            context: context,
            run: run,
            lease: lease,
            record: record,
            provider: provider,
            credentials: credentials
        )
    }
}
