import Foundation
import Logging
import PluginHost

/// Process isolation against in-process for the same plugins: a validate round trip, a 10,000-network listing, and
/// what starting a runner costs in time and memory.
enum IsolationBenchmark {
    static func run(examplePath: String, logger: Logger) async {
        let credentials = ProviderCredentials(fields: ["token": String(repeating: "t", count: 64)])
        let example = ["greeting": "hello"]
        guard let inProcess = provider(examplePath, "example", example, .inProcess, logger),
            let isolated = provider(examplePath, "example", example, .process, logger)
        else { return }
        let iterations = 5_000
        let direct = Measurement.of(iterations: iterations) {
            try? inProcess.validateBlocking(credentials: credentials)
        }
        let runner = Measurement.of(iterations: iterations) { try? isolated.validateBlocking(credentials: credentials) }
        print("isolation: validate in-process \(format(direct.median)) median, \(format(direct.p90)) p90")
        print("           validate through a runner \(format(runner.median)) median, \(format(runner.p90)) p90")
        print(
            "           added by process isolation: +\(format(runner.median - direct.median)) median (target < 150 µs)"
        )

        // Start time: a fresh registry with one process-isolated entry (spawn, load, descriptor, create).
        var starts: [Double] = []
        var resident: [Int] = []
        for _ in 0..<20 {
            let start = DispatchTime.now().uptimeNanoseconds
            guard let fresh = provider(examplePath, "example", example, .process, logger) else { return }
            starts.append(Double(DispatchTime.now().uptimeNanoseconds - start))
            if let pid = fresh.runnerPID, let rss = residentKiB(pid) { resident.append(rss) }
        }
        starts.sort()
        resident.sort()
        print(
            "           runner start (spawn + load + descriptor + create): \(format(starts[starts.count / 2])) median, "
                + "\(format(starts[starts.count * 9 / 10])) p90; resident memory "
                + "\(resident.isEmpty ? "unknown" : "\(resident[resident.count / 2]) KiB") (C example plugin)"
        )

        guard let many = buildManyNetworks() else {
            print("           10,000-network listing: not measured (no cc on the PATH)")
            return
        }
        let settings = ["count": "10000"]
        guard let listInProcess = provider(many, "many", settings, .inProcess, logger),
            let listIsolated = provider(many, "many", settings, .process, logger)
        else { return }
        let (inProcessTime, isolatedTime) = await listings(listInProcess, listIsolated, credentials)
        let ratio = isolatedTime / inProcessTime
        print(
            "           10,000 networks listed and decoded: in-process \(format(inProcessTime)), through a runner "
                + "\(format(isolatedTime)) (\(String(format: "%+.1f", (ratio - 1) * 100)) %, target within 10 %)"
        )
        if let pid = listIsolated.runnerPID, let rss = residentKiB(pid) {
            print("           runner resident memory after the listing: \(rss) KiB")
        }
    }

    /// The medians of 15 listings by each, interleaved (and alternating which goes first) so that a change in the
    /// machine's load during the run weighs on both alike; each listing is decoded page by page as a sync does.
    private static func listings(
        _ first: LoadedProvider,
        _ second: LoadedProvider,
        _ credentials: ProviderCredentials
    ) async -> (Double, Double) {
        func once(_ provider: LoadedProvider) async -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            try? await provider.listNetworks(credentials: credentials) { networks in blackHole(networks.count) }
            return Double(DispatchTime.now().uptimeNanoseconds - start)
        }
        _ = (await once(first), await once(second))  // warm-up
        var (a, b): ([Double], [Double]) = ([], [])
        for round in 0..<15 {
            if round.isMultiple(of: 2) {
                a.append(await once(first))
                b.append(await once(second))
            } else {
                b.append(await once(second))
                a.append(await once(first))
            }
        }
        return (a.sorted()[a.count / 2], b.sorted()[b.count / 2])
    }

    private static func provider(
        _ path: String,
        _ id: String,
        _ settings: [String: String],
        _ isolation: ManifestEntry.Isolation,
        _ logger: Logger
    ) -> LoadedProvider? {
        let entry = ManifestEntry(path: path, settings: settings, isolation: isolation)
        let registry = ProviderRegistry(manifest: Manifest(file: "benchmark", entries: [entry]), logger: logger)
        guard let provider = registry.provider(id: id) else {
            print("error: \(path) (\(isolation.rawValue)): \(registry.plugins.first?.error ?? "did not load")")
            return nil
        }
        return provider
    }

    private static func buildManyNetworks() -> String? {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        let headers = URL(fileURLWithPath: folder + "/../../Sources/PatchbayProviderABI/include").standardized.path
        let library = FileManager.default.temporaryDirectory.appendingPathComponent("libmany-\(UUID()).so").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "cc", "-std=c11", "-O2", "-shared", "-fPIC", "-I", headers, "-o", library, folder + "/many_networks.c",
        ]
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? library : nil
    }

    private static func residentKiB(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    private static func format(_ nanoseconds: Double) -> String {
        if nanoseconds >= 1_000_000 { return String(format: "%.2f ms", nanoseconds / 1_000_000) }
        if nanoseconds >= 1_000 { return String(format: "%.2f µs", nanoseconds / 1_000) }
        return String(format: "%.0f ns", nanoseconds)
    }
}
