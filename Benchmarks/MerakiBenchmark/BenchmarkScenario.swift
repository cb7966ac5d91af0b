import Foundation
import Logging
import PatchbayTestSupport
import PluginHost
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// One measured call: what to call, and how the fake behaves.
struct BenchmarkScenario: Sendable {
    enum Call: Sendable {
        case list
        case counts
    }

    let name: String
    let call: Call
    /// Meraki's 10 requests/s per organization enforced by the fake with 429s.
    let fakeRateLimit: Bool
    /// Items per page the fake serves at most (nil: what perPage asks).
    let pageCap: Int?
    var organizations = 1

    static let all = [
        BenchmarkScenario(name: "list", call: .list, fakeRateLimit: false, pageCap: nil),
        BenchmarkScenario(name: "list-limited", call: .list, fakeRateLimit: true, pageCap: nil),
        BenchmarkScenario(name: "counts", call: .counts, fakeRateLimit: false, pageCap: nil),
        BenchmarkScenario(name: "counts-limited", call: .counts, fakeRateLimit: true, pageCap: nil),
        // Pages of 100 (as if the endpoint allowed no more): 101 requests, paced by the host at 10/s either way.
        BenchmarkScenario(name: "list-paged100", call: .list, fakeRateLimit: false, pageCap: 100),
        BenchmarkScenario(name: "list-paged100-limited", call: .list, fakeRateLimit: true, pageCap: 100),
        // 10 organizations x 1,000 networks in pages of 100: 8 organizations at a time, each at its own 10/s.
        BenchmarkScenario(
            name: "list-10orgs-paged100-limited",
            call: .list,
            fakeRateLimit: true,
            pageCap: 100,
            organizations: 10
        ),
    ]

    /// 10,000 networks with 5 access points each, spread over `organizations`.
    var dataset: FakeMerakiDataset {
        .generated(
            organizations: organizations,
            networksPerOrganization: 10_000 / organizations,
            accessPointsPerNetwork: 5
        )
    }

    func run() async throws -> BenchmarkResult {
        try await withFakeMeraki(dataset) { fake in
            fake.capPages(at: pageCap)
            fake.limitRate(requestsPerSecond: fakeRateLimit ? 10 : nil)
            let provider = try Self.loadProvider(fake: fake)
            let credentials = ProviderCredentials(fields: ["api_key": FakeMerakiDataset.goodKey])
            let baseline = Self.maxRSSKilobytes()
            let start = ContinuousClock.now
            var items = 0
            switch call {
            case .list:
                let counter = NetworkCounter()
                try await provider.listNetworks(credentials: credentials) { counter.add($0.count) }
                items = counter.total
            case .counts:
                let counts = try await provider.counts(credentials: credentials)
                items = counts.networks * 1_000_000 + counts.accessPoints
            }
            let elapsed = ContinuousClock.now - start
            return BenchmarkResult(
                scenario: self,
                requests: fake.requests.count,
                tooManyRequests: fake.tooManyRequestsSent,
                seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                baselineRSS: baseline,
                peakRSS: Self.maxRSSKilobytes(),
                items: items
            )
        }
    }

    private static func loadProvider(fake: FakeMeraki) throws -> LoadedProvider {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meraki-bench-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("plugins.yaml").path
        try "plugins:\n\(fake.pluginEntry)\n".write(toFile: manifest, atomically: true, encoding: .utf8)
        var logger = Logger(label: "meraki-bench")
        logger.logLevel = .error
        let registry = try ProviderRegistry.load(manifestPath: manifest, logger: logger)
        guard let provider = registry.provider(id: "meraki") else {
            throw BenchmarkError(
                "libPatchbayMeraki.so: not loaded: \(registry.plugins.first?.error ?? "?"); build it in release"
            )
        }
        return provider
    }

    static func maxRSSKilobytes() -> Int {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss
    }
}

/// Networks seen by the page callback, which runs on the plugin's threads.
final class NetworkCounter: Sendable {
    private let count = Mutex(0)

    func add(_ value: Int) {
        count.withLock { $0 += value }
    }

    var total: Int { count.withLock { $0 } }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
