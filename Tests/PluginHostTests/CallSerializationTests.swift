import Logging
import PatchbayTestSupport
import PluginHost
import Testing

/// Calls on one instance never overlap unless the plugin declares itself concurrent.
@Suite struct CallSerializationTests {
    static func mostAtOnce(library: String, id: String) async throws -> Int {
        let fixtures = try await PluginFixtures.get()
        let manifest = try Manifest.parse(
            yaml: "plugins:\n  - path: \(library)\n",
            file: "test.yaml",
            baseDirectory: fixtures.directory.path
        )
        let plugin = try #require(ProviderRegistry(manifest: manifest, logger: Logger(label: "test")).provider(id: id))
        let accounts = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    try await plugin.validate(credentials: ProviderCredentials(fields: ["token": "t"])).account
                }
            }
            return try await group.reduce(into: [String?]()) { $0.append($1) }
        }
        return accounts.compactMap { $0.flatMap(Int.init) }.max() ?? 0
    }

    @Test func serializedPluginNeverSeesOverlappingCalls() async throws {
        #expect(try await Self.mostAtOnce(library: "liboverlap.so", id: "overlap") == 1)
    }

    @Test func concurrentPluginCallsMayOverlap() async throws {
        #expect(try await Self.mostAtOnce(library: "liboverlap_concurrent.so", id: "overlap-concurrent") > 1)
    }
}
