package import Foundation
import Storage

/// What a load balancer and a scraper ask of one instance, without signing in: `/readyz` and `/metrics`.
package struct HealthService: Sendable {
    let context: CoreContext

    package init(context: CoreContext) {
        self.context = context
    }

    /// Ready when the store answers at the schema this build knows, and the plugins file gave at least one
    /// provider (a plugin that failed to load is reported, not fatal: the other providers keep serving).
    package func readiness() async -> Readiness {
        let database = context.database
        var problems: [String] = []
        do {
            try await context.storeOffThread { () throws(StorageError) in try database.checkReadiness() }
        } catch {
            problems.append("database: \(error.message)")
        }
        let catalog = context.providers.catalog
        if !catalog.isEmpty && !catalog.contains(where: \.isLoaded) {
            problems.append("plugins: no provider loaded; run `patchbay plugins list` for the reasons")
        }
        return Readiness(
            problems: problems,
            loadedProviders: catalog.filter(\.isLoaded).compactMap(\.id),
            failedProviders: catalog.filter { $0.runtime?.status == "failed" }.map { $0.id ?? $0.name ?? "unnamed" }
        )
    }

    /// The job queue across every process on the store.
    package func queue() async throws(ServiceError) -> JobQueueFigures {
        let (database, now) = (context.database, context.clock())
        let snapshot = try await context.storeOffThread { () throws(StorageError) in
            try database.queueSnapshot(now: now)
        }
        return JobQueueFigures(
            queued: snapshot.queued,
            running: snapshot.running,
            oldestQueuedAge: snapshot.oldestQueuedAt.map { max(0, now.timeIntervalSince($0)) } ?? 0
        )
    }
}

/// `/readyz`'s answer: ready when `problems` is empty.
package struct Readiness: Sendable, Equatable {
    package var problems: [String]
    package var loadedProviders: [String]
    package var failedProviders: [String]

    package var isReady: Bool { problems.isEmpty }
}

/// Jobs waiting and running now, and how long the oldest waiting one has waited (0 when none waits).
package struct JobQueueFigures: Sendable, Equatable {
    package var queued: Int
    package var running: Int
    package var oldestQueuedAge: TimeInterval
}
