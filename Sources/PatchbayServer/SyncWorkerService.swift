package import Logging
package import PatchbayCore
package import ServiceLifecycle
import UnixSignals

/// The scheduler and sync workers as a service of the server (or of `patchbay worker` alone). Graceful shutdown
/// takes no new job and waits for the jobs in hand; if shutdown turns into cancellation, they are cancelled and
/// end `cancelled`, having changed nothing.
package struct SyncWorkerService: Service {
    let workers: SyncWorkers
    let count: Int

    package init(context: CoreContext, count: Int) {
        self.workers = SyncWorkers(context: context, count: count)
        self.count = count
    }

    package func run() async throws {
        guard count > 0 else {
            // No workers here (`--sync-workers 0`): stay up until shutdown, as a service group expects.
            try await gracefulShutdown()
            return
        }
        let workers = workers
        await withGracefulShutdownHandler {
            await workers.run()
        } onGracefulShutdown: {
            workers.finishRunningJobs()
        }
    }
}

/// `patchbay worker`: the scheduler and `count` workers without HTTP, until SIGTERM or SIGINT.
package func runSyncWorkers(context: CoreContext, count: Int, logger: Logger) async throws {
    let group = ServiceGroup(
        configuration: .init(
            services: [.init(service: SyncWorkerService(context: context, count: count))],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
    )
    try await group.run()
}
