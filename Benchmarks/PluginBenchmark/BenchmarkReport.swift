import Foundation
import PluginHost

/// Prints the figures, with the machine they were measured on.
struct BenchmarkReport {
    func machine() {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n")
            .first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
        // The load average says how far to trust the figures on a shared machine.
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
        print(
            "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu ?? "unknown CPU"), "
                + "load average \(load?.joined(separator: " ") ?? "unknown")"
        )
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

    func roundTrip(direct: Measurement, blocking: Measurement, asynchronous: Measurement) {
        print("call:   direct Swift \(format(direct))")
        print("        through the ABI on the calling thread \(format(blocking))")
        print("        added per call: +\(format(blocking.median - direct.median)) median (target < 2 µs)")
        print(
            "        through the ABI from async code (thread hop) \(format(asynchronous)), "
                + "+\(format(asynchronous.median - direct.median)) median"
        )
    }

    private func format(_ measurement: Measurement) -> String {
        "\(format(measurement.median)) median, \(format(measurement.p90)) p90"
    }

    private func format(_ nanoseconds: Double) -> String {
        if nanoseconds >= 1_000_000 { return String(format: "%.2f ms", nanoseconds / 1_000_000) }
        if nanoseconds >= 1_000 { return String(format: "%.2f µs", nanoseconds / 1_000) }
        return String(format: "%.0f ns", nanoseconds)
    }

    func parts(credentialsBytes: Int, resultBytes: Int, pluginWork: Double?, parse: Measurement, blocking: Double) {
        print("parts:  \(credentialsBytes) bytes of credentials JSON in, \(resultBytes) bytes of result JSON out")
        if let pluginWork {
            print("        the C plugin's own validate (called from C, no host) \(format(pluginWork)) median")
            print("        so the host's share of a round trip is \(format(blocking - pluginWork))")
        } else {
            print("        the C plugin's own validate: not measured (no cc on the PATH)")
        }
        print("        parsing the result JSON into a tree \(format(parse))")
    }
}
