import Foundation
import Logging
import PatchbayCore
import PatchbayTestSupport
import PluginHost
import Secrets
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The sha256 pin cannot be raced: the host hashes an open descriptor and loads that same descriptor
/// (`/proc/self/fd/N`, in its own process or in the runner), so swapping the file between the check and the load
/// (`renameat2(RENAME_EXCHANGE)` in a loop, the audit's attack) never loads the unpinned library.
@Suite struct PinSwapRaceTests {
    @Test(arguments: [ManifestEntry.Isolation.process, .inProcess])
    func swappingTheFileNeverLoadsTheUnpinnedLibrary(_ isolation: ManifestEntry.Isolation) async throws {
        try await withTemporaryDirectory { directory in
            let compiler = try CCompiler.find()
            let fixtures = PackagePaths.source("Tests/PluginHostTests/Fixtures")
            let pinned = directory.file("libpinned.so")
            let other = directory.file("libother.so")
            let swapper = directory.file("swap_forever")
            try await onOwnThread {
                // Two valid plugins with different ids: which one loaded shows in the registry.
                for (output, id) in [(pinned, "pinned"), (other, "unpinned")] {
                    try compiler.buildSharedLibrary(
                        sources: ["\(fixtures)/named.c"],
                        output: output,
                        includeDirectories: [PackagePaths.abiHeaders, fixtures],
                        defines: ["FIXTURE_ID=\"\(id)\""]
                    )
                }
                try compiler.buildExecutable(sources: ["\(fixtures)/swap_forever.c"], output: swapper)
            }
            let digest = Digest.sha256Hex(try #require(FileManager.default.contents(atPath: pinned)))
            let entry = ManifestEntry(path: pinned, sha256: digest)
            var outcomes: [String: Int] = [:]
            let process = Process()
            process.executableURL = URL(fileURLWithPath: swapper)
            // Bounded: it stops by itself after 60 s even if this test is killed; it is stopped right after the loads.
            process.arguments = [pinned, other, "60"]
            try process.run()
            defer { kill(process.processIdentifier, SIGKILL) }
            for _ in 0..<(isolation == .process ? 25 : 50) {
                var current = entry
                current.isolation = isolation
                let manifest = Manifest(file: "plugins.yaml", entries: [current])
                let registry = try await onOwnThread {
                    ProviderRegistry(manifest: manifest, logger: Logger(label: "race"))
                }
                let status = try #require(registry.plugins.first)
                #expect(registry.provider(id: "unpinned") == nil, "the unpinned library was loaded")
                if status.isLoaded {
                    #expect(status.id == "pinned")
                    outcomes["pinned", default: 0] += 1
                } else {
                    #expect(status.error?.hasPrefix("SHA-256 is ") == true, "\(status.error ?? "")")
                    outcomes["refused", default: 0] += 1
                }
            }
            #expect(process.isRunning, "the swapper stopped early; the race was not exercised")
            print("pin race (\(isolation)): \(outcomes)")
        }
    }
}
