import Foundation
import PatchbayTestSupport
import Storage

/// What the sync runs say about the measured window: scheduled jobs started in it per minute, their lag behind the
/// due time, runs of one integration that overlapped (must be 0), and how the jobs spread over the instances.
struct ScheduleFigures {
    var started = 0
    var failed = 0
    var lags: [Double] = []
    var doubleRuns = 0
    var byInstance: [String: Int] = [:]
    let minutes: Double

    init(store: any PatchbayStore, integrations: [Int64], window: ClosedRange<Date>) throws {
        minutes = window.upperBound.timeIntervalSince(window.lowerBound) / 60
        for integration in integrations {
            let runs = try store.syncRuns(integrationID: integration, limit: 10_000)
                .filter { $0.startedAt != nil }
                .sorted { ($0.startedAt ?? .distantPast) < ($1.startedAt ?? .distantPast) }
            for (earlier, later) in zip(runs, runs.dropFirst())
            where (later.startedAt ?? .distantFuture) < (earlier.finishedAt ?? .distantFuture) {
                doubleRuns += 1
            }
            for run in runs where run.trigger == .schedule {
                guard let start = run.startedAt, window.contains(start) else { continue }
                started += 1
                if run.status != .succeeded { failed += 1 }
                if let due = run.dueAt { lags.append(start.timeIntervalSince(due) * 1000) }
                // The owner is "host/pid/worker": the instance is the pid.
                let instance = run.owner?.split(separator: "/").dropFirst().first.map(String.init) ?? "?"
                byInstance[instance, default: 0] += 1
            }
        }
        lags.sort()
    }

    func percentile(_ p: Double) -> String {
        guard !lags.isEmpty else { return "n/a" }
        return String(format: "%.0f ms", lags[min(lags.count - 1, Int(Double(lags.count) * p))])
    }

    func print(demandPerMinute: Int) {
        Swift.print(
            String(
                format: "scheduled syncs: %.0f jobs/min (demand %d/min), ",
                Double(started) / minutes,
                demandPerMinute
            )
                + "lag p50 \(percentile(0.5)) p99 \(percentile(0.99)), \(failed) failed, \(doubleRuns) double runs"
        )
        Swift.print("  per instance: " + byInstance.values.sorted(by: >).map(String.init).joined(separator: " / "))
    }
}

/// The listing's latency across the instances.
struct ListingFigures {
    let result: LoadClient.Result
    let instances: Int

    func print(rate: Double) {
        func ms(_ p: Double) -> String { result.percentile(p).map { String(format: "%.2f ms", $0) } ?? "n/a" }
        Swift.print(
            String(
                format: "GET …/networks?limit=100 across %d instances: offered %.0f req/s, achieved %.1f, ",
                instances,
                rate,
                result.achievedRate
            ) + "p50 \(ms(0.5)) p99 \(ms(0.99)) max \(ms(1.0)), \(result.errors) failed"
        )
    }
}
