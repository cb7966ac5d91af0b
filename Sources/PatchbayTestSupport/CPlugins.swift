import Foundation
import PatchbayCore

/// The plain-C providers of this repository (Juniper Mist, the example), compiled once per test process with the
/// system C compiler and the flags they ship with, the way `scripts/build-example-plugins.sh` builds them.
package enum CPlugins {
    private static let built: Result<String, CCompilerError> = {
        do {
            let compiler = try CCompiler.find()
            let directory = try TemporaryDirectory.make(prefix: "patchbay-c-plugins")
            let mistFolder = PackagePaths.source("Plugins/Mist")
            let sources = try FileManager.default.contentsOfDirectory(atPath: mistFolder)
                .filter { $0.hasSuffix(".c") }
                .sorted()
                .map { mistFolder + "/" + $0 }
            try compiler.buildSharedLibrary(
                sources: sources,
                output: directory.file("libpatchbay_mist.so"),
                strict: true
            )
            try compiler.buildSharedLibrary(
                sources: [PackagePaths.source("Plugins/ExampleC/example.c")],
                output: directory.file("libexample.so"),
                strict: true
            )
            // Loaded libraries are never unloaded, so the folder stays for the test run.
            return .success(directory.path)
        } catch let error as CCompilerError {
            return .failure(error)
        } catch {
            return .failure(CCompilerError(message: "\(error)"))
        }
    }()

    /// `libpatchbay_mist.so`, built from Plugins/Mist/*.c.
    package static func mist() async throws -> String {
        try await folder() + "/libpatchbay_mist.so"
    }

    /// `libexample.so`, built from Plugins/ExampleC/example.c.
    package static func example() async throws -> String {
        try await folder() + "/libexample.so"
    }

    /// The first call compiles, which blocks: on a thread of its own, never one of Swift's few cooperative threads
    /// (the loopback servers of concurrently running tests need them).
    private static func folder() async throws -> String {
        try await onOwnThread { try built.get() }
    }
}
