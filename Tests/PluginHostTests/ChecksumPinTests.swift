import Foundation
import Logging
import PatchbayTestSupport
import PluginHost
import Secrets
import Testing

/// `sha256:` in plugins.yaml pins a library file: a match loads, a mismatch is refused before the file is opened.
@Suite struct ChecksumPinTests {
    func registry(pinning digest: String) async throws -> (ProviderRegistry, String) {
        let fixtures = try await PluginFixtures.get()
        let library = fixtures.library("example")
        let manifest = try fixtures.directory.write(
            "plugins:\n  - path: \(library)\n    sha256: \(digest)\n",
            to: "pinned-\(UUID().uuidString).yaml"
        )
        return (try ProviderRegistry.load(manifestPath: manifest, logger: Logger(label: "pin-tests")), library)
    }

    func digest(of path: String) throws -> String {
        Digest.sha256Hex(try #require(FileManager.default.contents(atPath: path)))
    }

    @Test func matchingPinLoadsAndIgnoresCase() async throws {
        let library = try await PluginFixtures.get().library("example")
        let (registry, _) = try await registry(pinning: try digest(of: library).uppercased())

        #expect(registry.plugins.first?.isLoaded == true, "\(registry.plugins.first?.error ?? "")")
        #expect(registry.provider(id: "example") != nil)
    }

    @Test func mismatchIsRefusedNamingBothDigestsAndTheFix() async throws {
        let pinned = String(repeating: "ab", count: 32)
        let (registry, library) = try await registry(pinning: pinned)
        let status = try #require(registry.plugins.first)
        let actual = try digest(of: library)

        #expect(!status.isLoaded)
        #expect(
            status.error
                == "SHA-256 is \(actual) but plugins.yaml pins \(pinned); install the plugin build you pinned, "
                + "or set `sha256: \(actual)` if you trust this file"
        )
    }
}
