package import Logging
package import PatchbayCore
import ServiceLifecycle

/// Runs the syncs the API starts, in a task group owned by the server: on graceful shutdown it takes no new sync
/// and returns only once the running ones have finished. If shutdown turns into cancellation, the running syncs
/// are cancelled and roll back (the core commits a sync only when it completes).
package final class SyncRunner: Service {
    private let provisioning: ProvisioningService
    private let logger: Logger
    private let jobs: AsyncStream<PendingSync>
    private let submissions: AsyncStream<PendingSync>.Continuation

    package init(provisioning: ProvisioningService, logger: Logger) {
        self.provisioning = provisioning
        self.logger = logger
        (jobs, submissions) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    /// Hands a started sync to the runner. Returns false once the runner is shutting down; the caller must then
    /// complete the sync itself, since a pending sync holds its integration's slot.
    func submit(_ pending: PendingSync) -> Bool {
        if case .enqueued = submissions.yield(pending) { return true }
        return false
    }

    package func run() async {
        let provisioning = provisioning
        let logger = logger
        await withTaskGroup(of: Void.self) { group in
            await withGracefulShutdownHandler {
                for await pending in jobs {
                    group.addTask { await Self.complete(pending, provisioning: provisioning, logger: logger) }
                }
            } onGracefulShutdown: { [submissions] in
                submissions.finish()
            }
            await group.waitForAll()
        }
    }

    static func complete(_ pending: PendingSync, provisioning: ProvisioningService, logger: Logger) async {
        do {
            _ = try await provisioning.complete(pending)
        } catch {
            // The core recorded the failure on the run row and logged it; the API reports it through GET.
            logger.debug("background sync ended with an error", metadata: ["run": "\(pending.runID)"])
        }
    }
}
