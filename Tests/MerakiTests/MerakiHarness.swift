import Foundation
import Logging
import PatchbayTestSupport
import PluginHost
import Synchronization
import Testing

/// The real libPatchbayMeraki.so loaded by the real host from a plugins.yaml in a temp folder, pointed at a
/// FakeMeraki on loopback.
struct MerakiHarness {
    let fake: FakeMeraki
    let provider: LoadedProvider
    /// Everything the host logged, the plugin's lines included.
    let logs: InMemoryLogHandler.Store

    static let goodKey = ProviderCredentials(fields: ["api_key": FakeMerakiDataset.goodKey])
    static let badKey = ProviderCredentials(fields: ["api_key": "not-a-valid-key-0000000000000000000"])

    /// Every network of a full listing, in the order the pages arrived.
    func listAll(_ credentials: ProviderCredentials = goodKey) async throws -> [ProviderNetwork] {
        let pages = PageLog()
        try await provider.listNetworks(credentials: credentials) { pages.append($0) }
        return pages.networks
    }

    /// The error a call fails with; a test failure when it succeeds.
    func failure(_ call: () async throws -> some Any) async throws -> ProviderError {
        do {
            _ = try await call()
        } catch let error as ProviderError {
            return error
        }
        Issue.record("the call succeeded; expected a ProviderError")
        throw CancellationError()
    }
}

/// Runs `body` with the plugin loaded against a fake serving `dataset`. `extraHosts` join `allowed_hosts`.
func withMeraki<Result: Sendable>(
    _ dataset: FakeMerakiDataset = .generated(organizations: 3, networksPerOrganization: 7),
    settings: [String: String] = [:],
    extraHosts: @escaping (FakeMeraki) -> [String] = { _ in [] },
    _ body: (MerakiHarness) async throws -> Result
) async throws -> Result {
    try await withMerakiRegistry(dataset, settings: settings, extraHosts: extraHosts) { fake, registry, logs in
        let provider = try #require(
            registry.provider(id: "meraki"),
            "meraki did not load: \(registry.plugins.map { $0.error ?? "" })"
        )
        return try await body(MerakiHarness(fake: fake, provider: provider, logs: logs))
    }
}

/// Runs `body` with a registry loaded from a plugins.yaml in a temp folder that points the real .so at a fake.
func withMerakiRegistry<Result: Sendable>(
    _ dataset: FakeMerakiDataset,
    settings: [String: String] = [:],
    extraHosts: (FakeMeraki) -> [String] = { _ in [] },
    _ body: (FakeMeraki, ProviderRegistry, InMemoryLogHandler.Store) async throws -> Result
) async throws -> Result {
    try await withFakeMeraki(dataset) { fake in
        try await withTemporaryDirectory(prefix: "meraki-tests") { folder in
            let plugin = ProductsDirectory.product("libPatchbayMeraki.so")
            try #require(FileManager.default.fileExists(atPath: plugin), "\(plugin) is missing; run `swift build`")
            let allSettings = ["base_url": fake.baseURL].merging(settings) { _, given in given }
            let hosts = [fake.authority] + extraHosts(fake)
            let yaml = """
                plugins:
                  - path: \(plugin)
                    settings:
                \(allSettings.sorted { $0.key < $1.key }.map { "      \($0.key): \"\($0.value)\"" }.joined(separator: "\n"))
                    allowed_hosts: [\(hosts.map { "\"\($0)\"" }.joined(separator: ", "))]
                """
            let manifest = try folder.write(yaml, to: "plugins.yaml")
            let (logger, logs) = InMemoryLogHandler.logger(label: "meraki-tests")
            let registry = try ProviderRegistry.load(manifestPath: manifest, logger: logger)
            return try await body(fake, registry, logs)
        }
    }
}

/// Pages handed to the host's sink, collected across the plugin's threads.
final class PageLog: Sendable {
    private let pages = Mutex<[[ProviderNetwork]]>([])

    func append(_ page: [ProviderNetwork]) {
        pages.withLock { $0.append(page) }
    }

    var networks: [ProviderNetwork] { pages.withLock { $0.flatMap(\.self) } }
    var pageSizes: [Int] { pages.withLock { $0.map(\.count) } }
}
