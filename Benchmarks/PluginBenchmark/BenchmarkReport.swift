import Foundation
import PluginHost

/// Prints the figures, with the machine they were measured on.
struct BenchmarkReport {
    func machine() {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n")
            .first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu ?? "unknown CPU")")
    }

    func load(registry: ProviderRegistry, nanoseconds: UInt64) {
        let loaded = registry.plugins.filter(\.isLoaded).compactMap(\.id)
        print(
            "load:   \(format(Double(nanoseconds))) for \(registry.plugins.count) plugins (\(loaded.joined(separator: ", ")) loaded); target < 20 ms"
        )
        for failed in registry.plugins where !failed.isLoaded {
            print("        not loaded: \(failed.path): \(failed.error ?? "")")
        }
    }

    func roundTrip(direct: Double, blocking: Double, asynchronous: Double) {
        print("call:   direct Swift \(format(direct)) median")
        print(
            "        through the ABI on the calling thread \(format(blocking)) median, +\(format(blocking - direct)) (target < 2 µs)"
        )
        print(
            "        through the ABI from async code (thread hop) \(format(asynchronous)) median, +\(format(asynchronous - direct))"
        )
    }

    private func format(_ nanoseconds: Double) -> String {
        if nanoseconds >= 1_000_000 { return String(format: "%.2f ms", nanoseconds / 1_000_000) }
        if nanoseconds >= 1_000 { return String(format: "%.2f µs", nanoseconds / 1_000) }
        return String(format: "%.0f ns", nanoseconds)
    }

    func parts(credentialsBytes: Int, resultBytes: Int, pluginWork: Double?, parse: Double, blocking: Double) {
        print("parts:  \(credentialsBytes) bytes of credentials JSON in, \(resultBytes) bytes of result JSON out")
        if let pluginWork {
            print("        the C plugin's own validate (called from C, no host) \(format(pluginWork)) median")
            print("        so the host's share of a round trip is \(format(blocking - pluginWork))")
        } else {
            print("        the C plugin's own validate: not measured (no cc on the PATH)")
        }
        print("        parsing the result JSON \(format(parse)) median")
    }
}
