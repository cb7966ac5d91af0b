import Foundation
import Logging
import PatchbayCore
import PatchbayTestSupport
import PluginHost

/// `Fixtures/misbehaving.c` compiled once per failure class (`-DMISBEHAVE_<CASE>`), and registries that load one
/// of them in either isolation mode with short deadlines, so hangs end in well under a second.
enum MisbehavingFixtures {
    static let cases = [
        "SEGFAULT", "ABORT", "EXIT", "DOUBLE_FREE_HOST", "STATIC_BUFFER", "UNKNOWN_STATUS", "HUGE_MESSAGE", "STDOUT",
        "HANG_VALIDATE", "STALE_CALL", "HANG_LIST", "POLL_LIST", "ABORT_LIST", "CONSTRUCTOR_EXIT",
        "UNTERMINATED_LIST", "SLOW_ENTRY", "NO_INSTANCE",
    ]

    private static let built: Result<TemporaryDirectory, CCompilerError> = {
        do {
            let compiler = try CCompiler.find()
            let directory = try TemporaryDirectory.make(prefix: "patchbay-misbehaving")
            let source = PackagePaths.source("Tests/PluginHostTests/Fixtures/misbehaving.c")
            for name in cases {
                try compiler.buildSharedLibrary(
                    sources: [source],
                    output: directory.file("lib\(name.lowercased()).so"),
                    defines: ["MISBEHAVE_\(name)"]
                )
            }
            return .success(directory)
        } catch let error as CCompilerError {
            return .failure(error)
        } catch {
            return .failure(CCompilerError(message: "\(error)"))
        }
    }()

    /// The library of one case, e.g. `library("SEGFAULT")`.
    static func library(_ name: String) async throws -> String {
        try await onOwnThread { try built.get() }.file("lib\(name.lowercased()).so")
    }

    /// A registry holding only `name`'s library, in `isolation` mode, with deadlines of a fraction of a second.
    static func registry(
        _ name: String,
        isolation: ManifestEntry.Isolation,
        logger: Logger = Logger(label: "test")
    ) async throws -> ProviderRegistry {
        var timeouts = PluginTimeouts()
        timeouts.load = .milliseconds(1500)
        timeouts.validate = .milliseconds(600)
        timeouts.listIdle = .milliseconds(600)
        timeouts.grace = .milliseconds(300)
        let entry = ManifestEntry(
            path: try await library(name),
            isolation: isolation,
            timeouts: timeouts
        )
        let manifest = Manifest(file: "plugins.yaml", entries: [entry])
        return try await onOwnThread { ProviderRegistry(manifest: manifest, logger: logger) }
    }
}
