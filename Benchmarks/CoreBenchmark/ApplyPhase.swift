import Foundation
import PatchbayCore
import Storage

/// How long a sync's apply holds SQLite's write lock for `count` networks (first sync, unchanged, 10 % changed),
/// and the longest lock hold of one staged page during the fetch: the two are all a sync makes other writers wait.
func applyPhase(networks count: Int, database: any PatchbayStore, workspaceID: Int64, integrationID: Int64) throws {
    let lease = JobLease(owner: "bench/\(ProcessInfo.processInfo.processIdentifier)/apply", duration: 30)
    let original = (0..<count).map { stagedNetwork(benchmarkNetwork($0)) }
    let changed = original.indices.map {
        $0 % 10 == 0 ? stagedNetwork(benchmarkNetwork($0, revision: 1)) : original[$0]
    }
    for (label, listing) in [("first sync", original), ("unchanged", original), ("10% changed", changed)] {
        guard
            case .admitted(let run) = try database.admitSyncJob(
                integrationID: integrationID,
                workspaceID: workspaceID,
                trigger: .manual,
                requestedBy: nil,
                lease: lease,
                now: Date()
            )
        else { throw BenchmarkFailure("a job was already live") }
        var longestPage = Duration.zero
        for start in stride(from: 0, to: listing.count, by: 1000) {
            let page = Array(listing[start..<min(start + 1000, listing.count)])
            let began = ContinuousClock.now
            try database.stageNetworks(runID: run.id ?? 0, page)
            longestPage = max(longestPage, .now - began)
        }
        let began = ContinuousClock.now
        let cpuBefore = processCPUSeconds()
        let outcome = try database.applyStaged(run, lease: lease, workspaceID: workspaceID, now: Date(), jitter: 0)
        let hold = ContinuousClock.now - began
        let cpu = processCPUSeconds() - cpuBefore
        try database.clearStaging(runID: run.id ?? 0)
        guard case .applied(let applied) = outcome else { throw BenchmarkFailure("apply did not apply") }
        print(
            "apply phase, \(count) networks, \(label.padding(toLength: 12, withPad: " ", startingAt: 0))"
                + " write lock \(milliseconds(hold)) (target <= \(benchmarkArguments.server == nil ? 150 : 250) ms; CPU \(String(format: "%.1f", cpu * 1000)) ms);"
                + " longest staged page (1000, no lock on the file) \(milliseconds(longestPage))"
                + "  created \(applied.created) updated \(applied.updated) unchanged \(applied.unchanged)"
        )
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// CPU time this process spent, all threads: steadier than wall time on a shared machine.
func processCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

func milliseconds(_ duration: Duration) -> String {
    String(format: "%7.1f ms", seconds(duration) * 1000)
}

private func stagedNetwork(_ network: UpstreamNetwork) -> SyncedNetwork {
    SyncedNetwork(
        externalID: network.externalID,
        name: network.name,
        organizationID: network.organizationID,
        config: network.raw,
        contentHash: String(network.raw.hashValue, radix: 16)
    )
}
