import Logging
import Synchronization

/// The scheduler and a bounded pool of sync workers of one process (`serve --sync-workers N`, `patchbay worker`).
///
/// The scheduler queues due jobs every tick; each worker leases one queued job at a time and runs it. Several
/// processes may run these on the same data: the database hands each job to exactly one of them. Idle workers
/// poll with a read, so an idle pool never takes the write lock.
package final class SyncWorkers: Sendable {
    private let provisioning: ProvisioningService
    private let count: Int
    private let tick: Duration
    private let logger: Logger
    private let stopping = Atomic<Bool>(false)

    package init(context: CoreContext, count: Int, tick: Duration = .milliseconds(100)) {
        self.provisioning = ProvisioningService(context: context)
        self.count = count
        self.tick = tick
        self.logger = context.logger
    }

    /// Runs until `finishRunningJobs` (workers finish the job in hand, take no more) or cancellation (jobs in hand
    /// are cancelled and end `cancelled`, having changed nothing).
    package func run() async {
        guard count > 0 else { return }
        logger.info("sync workers started", metadata: ["workers": "\(count)"])
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.schedule() }
            for _ in 0..<count {
                group.addTask { await self.work() }
            }
        }
    }

    /// Graceful stop: no job is taken any more; `run` returns once the jobs in hand have ended.
    package func finishRunningJobs() {
        stopping.store(true, ordering: .relaxed)
    }

    private var shouldRun: Bool { !Task.isCancelled && !stopping.load(ordering: .relaxed) }

    private func schedule() async {
        while shouldRun {
            do {
                _ = try await provisioning.scheduleDueSyncs()
            } catch {
                logger.info("scheduler tick failed; retrying", metadata: ["error": "\(error.message)"])
            }
            try? await Task.sleep(for: tick)
        }
    }

    private func work() async {
        while shouldRun {
            do {
                if try await provisioning.runNextQueuedJob() { continue }
            } catch {
                logger.info("worker could not lease a job; retrying", metadata: ["error": "\(error.message)"])
            }
            try? await Task.sleep(for: tick)
        }
    }
}
