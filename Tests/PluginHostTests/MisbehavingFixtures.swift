import Foundation
import Logging
import PatchbayCore
import PatchbayTestSupport
import PluginHost

/// Registries that load one of the `MisbehavingPlugins` in either isolation mode with short deadlines, so hangs
/// end in well under a second.
enum MisbehavingFixtures {
    /// The library of one case, e.g. `library("SEGFAULT")`.
    static func library(_ name: String) async throws -> String {
        try await MisbehavingPlugins.library(name)
    }

    /// A registry holding only `name`'s library, in `isolation` mode, with deadlines of a fraction of a second.
    static func registry(
        _ name: String,
        isolation: ManifestEntry.Isolation,
        settings: [String: String] = [:],
        logger: Logger = Logger(label: "test")
    ) async throws -> ProviderRegistry {
        var timeouts = PluginTimeouts()
        timeouts.load = .milliseconds(1500)
        timeouts.create = .milliseconds(600)
        timeouts.validate = .milliseconds(600)
        timeouts.listIdle = .milliseconds(600)
        timeouts.grace = .milliseconds(300)
        let entry = ManifestEntry(
            path: try await library(name),
            settings: settings,
            isolation: isolation,
            timeouts: timeouts
        )
        let manifest = Manifest(file: "plugins.yaml", entries: [entry])
        return try await onOwnThread { ProviderRegistry(manifest: manifest, logger: logger) }
    }
}
