import Foundation
import Logging
import PatchbayCore
import PatchbayTestSupport
import Storage

/// `integrations` integrations syncing every `interval` against an in-process provider that takes `latency` per
/// listing, run by one process's scheduler and `workers` workers for `duration`: jobs per minute, scheduling lag
/// (start minus due time) p50/p99, and the process's peak memory.
func schedulerLoad(
    integrations count: Int,
    interval: Int,
    workers: Int,
    duration: Duration,
    directory: String,
    logger: Logger
) async throws {
    let provider = BenchmarkProvider(countsLatency: .zero, listingLatency: .milliseconds(20))
    provider.replaceNetworks((0..<20).map { benchmarkNetwork($0) })
    let context = try TestContext.open(
        dataDirectory: directory + "/scheduler",
        database: try freshBenchmarkDatabase("scheduler"),
        providers: .directory(Directory(provider: provider)),
        logger: logger
    )
    let issued = try await IdentityService(context: context).initialize(ownerName: "bench", workspaceName: "bench")
    let caller = Caller(userID: issued.user.id, name: issued.user.name)
    var ids: [Int64] = []
    for index in 0..<count {
        ids.append(
            try await IntegrationService(context: context).create(
                caller,
                workspace: "bench",
                provider: "bench",
                name: "scheduled-\(index)",
                credentials: ["api_key": "key-\(index)"],
                syncIntervalSeconds: interval
            ).id
        )
    }
    let memoryBefore = peakMemoryMB()
    let pool = SyncWorkers(context: context, count: workers)
    let started = Date()
    let running = Task { await pool.run() }
    try await Task.sleep(for: duration)
    pool.finishRunningJobs()
    await running.value
    let elapsed = Date().timeIntervalSince(started)
    var lags: [Double] = []
    var succeeded = 0
    for id in ids {
        for run in try context.database.syncRuns(integrationID: id, limit: 1000) where run.trigger == .schedule {
            guard run.status == .succeeded, let due = run.dueAt, let start = run.startedAt else { continue }
            succeeded += 1
            lags.append(start.timeIntervalSince(due) * 1000)
        }
    }
    lags.sort()
    func percentile(_ p: Double) -> Double {
        lags.isEmpty ? .nan : lags[min(lags.count - 1, Int(Double(lags.count) * p))]
    }
    print(
        "scheduler: \(count) integrations every \(interval) s, \(workers) workers, \(String(format: "%.0f", elapsed)) s:"
            + " \(String(format: "%.0f", Double(succeeded) / elapsed * 60)) jobs/min"
            + " (demand \(count * 60 / interval)/min), lag p50 \(String(format: "%.0f", percentile(0.5))) ms"
            + " p99 \(String(format: "%.0f", percentile(0.99))) ms, peak RSS \(memoryBefore) -> \(peakMemoryMB()) MB"
    )
}

/// The process's peak resident set size so far, in MB (getrusage's ru_maxrss is in KB on Linux).
func peakMemoryMB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
}
