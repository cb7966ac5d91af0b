import Foundation
import Logging
import PatchbayTestSupport
import PluginHost
import Synchronization
import Testing

/// The real libpatchbay_mist.so, compiled from Plugins/Mist, loaded by the real host from a plugins.yaml in a temp
/// folder and pointed at a FakeMist on loopback.
struct MistHarness {
    let fake: FakeMist
    let provider: LoadedProvider

    static let goodToken = ProviderCredentials(fields: ["api_token": FakeMistDataset.goodToken])
    static let badToken = ProviderCredentials(fields: ["api_token": "not-a-mist-token-000000"])

    /// Every network of a full listing, and the size of each page, in the order the pages arrived.
    func listAll(
        _ credentials: ProviderCredentials = goodToken
    ) async throws -> (networks: [ProviderNetwork], pages: [Int]) {
        let pages = Mutex<[[ProviderNetwork]]>([])
        try await provider.listNetworks(credentials: credentials) { page in pages.withLock { $0.append(page) } }
        return pages.withLock { ($0.flatMap(\.self), $0.map(\.count)) }
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

/// Runs `body` with the plugin loaded against a fake serving `dataset`.
func withMist<Result: Sendable>(
    _ dataset: FakeMistDataset = .generated(organizations: 3, sitesPerOrganization: 5),
    settings: [String: String] = [:],
    _ body: (MistHarness) async throws -> Result
) async throws -> Result {
    try await withFakeMist(dataset) { fake in
        let library = try await CPlugins.mist()
        return try await withTemporaryDirectory(prefix: "mist-tests") { folder in
            let allSettings = ["base_url": fake.baseURL].merging(settings) { _, given in given }
            let yaml = """
                plugins:
                  - path: \(library)
                    id: mist
                    settings:
                \(allSettings.sorted { $0.key < $1.key }.map { "      \($0.key): \"\($0.value)\"" }.joined(separator: "\n"))
                    allowed_hosts: ["\(fake.authority)"]
                """
            let manifest = try folder.write(yaml, to: "plugins.yaml")
            let registry = try ProviderRegistry.load(manifestPath: manifest, logger: Logger(label: "mist-tests"))
            let provider = try #require(
                registry.provider(id: "mist"),
                "mist did not load: \(registry.plugins.map { $0.error ?? "" })"
            )
            return try await body(MistHarness(fake: fake, provider: provider))
        }
    }
}
