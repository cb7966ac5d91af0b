import Foundation
import PatchbayCore

/// `Tests/PluginHostTests/Fixtures/misbehaving.c` compiled once per failure class (`-DMISBEHAVE_<CASE>`), for the
/// tests that load a misbehaving plugin through the host or the `patchbay` binary.
package enum MisbehavingPlugins {
    package static let cases = [
        "SEGFAULT", "ABORT", "EXIT", "DOUBLE_FREE_HOST", "STATIC_BUFFER", "UNKNOWN_STATUS", "HUGE_MESSAGE", "STDOUT",
        "HANG_VALIDATE", "STALE_CALL", "HANG_LIST", "POLL_LIST", "ABORT_LIST", "CONSTRUCTOR_EXIT",
        "UNTERMINATED_LIST", "SLOW_ENTRY", "NO_INSTANCE", "HANG_CREATE",
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

    /// The library of one case, e.g. `library("SEGFAULT")`; the first call compiles them all, on a thread of its
    /// own.
    package static func library(_ name: String) async throws -> String {
        try await onOwnThread { try built.get() }.file("lib\(name.lowercased()).so")
    }
}
