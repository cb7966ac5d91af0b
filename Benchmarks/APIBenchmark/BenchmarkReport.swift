import Foundation
import PatchbayTestSupport

/// Prints the figures of one run: offered and achieved rate, latency percentiles, errors, peak RSS.
struct BenchmarkReport {
    let result: LoadClient.Result
    let rate: Double
    let connections: Int

    func print() {
        func percentile(_ p: Double) -> String {
            result.percentile(p).map { String(format: "%.2f ms", $0) } ?? "n/a"
        }
        let elapsed = LoadClient.seconds(result.elapsed)
        Swift.print("GET /v1/workspaces/{id}/networks?limit=100, 10,000 networks, \(connections) connections")
        Swift.print(
            String(
                format: "offered %.0f req/s, achieved %.1f req/s over %.1f s",
                rate,
                result.achievedRate,
                elapsed
            )
        )
        Swift.print("requests \(result.latencies.count) ok, \(result.errors) failed")
        Swift.print(
            "latency p50 \(percentile(0.50))  p90 \(percentile(0.90))  p99 \(percentile(0.99))  max \(percentile(1.0))"
        )
        Swift.print("peak RSS \(Self.peakRSS()) (server and load client in one process)")
        Swift.print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Self.cpuModel())")
    }

    /// VmHWM from /proc/self/status: the process's peak resident set.
    static func peakRSS() -> String {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line.map { $0.dropFirst(6).trimmingCharacters(in: .whitespaces) } ?? "unknown"
    }

    static func cpuModel() -> String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let line = info.split(separator: "\n").first { $0.hasPrefix("model name") }
        return line.map {
            String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces)
        }
            ?? "unknown CPU"
    }
}
