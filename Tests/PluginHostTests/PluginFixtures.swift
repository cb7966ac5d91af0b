import Foundation
import PatchbayCore
import PatchbayTestSupport

/// The example plugin and every broken fixture, compiled once per test run with the system C compiler into a
/// temporary folder, plus a plugins.yaml that lists them all.
struct PluginFixtures: Sendable {
    let directory: TemporaryDirectory
    let manifestPath: String

    /// Built on first use; the folder stays for the test run because loaded libraries are never unloaded.
    static let shared: Result<PluginFixtures, CCompilerError> = {
        do {
            return .success(try build())
        } catch let error as CCompilerError {
            return .failure(error)
        } catch {
            return .failure(CCompilerError(message: "\(error)"))
        }
    }()

    /// The first call compiles, which blocks: on a thread of its own, never one of Swift's few cooperative threads
    /// (the loopback servers of concurrently running tests need them).
    static func get() async throws -> PluginFixtures {
        try await onOwnThread { try shared.get() }
    }

    static let fixtureNames = [
        "wrong_major", "wrong_tag", "no_entry", "null_id", "null_function", "small_struct", "bad_version",
        "create_fails", "malformed_page", "overlap",
    ]

    func library(_ name: String) -> String {
        directory.file("lib\(name).so")
    }

    private static func build() throws -> PluginFixtures {
        let compiler = try CCompiler.find()
        let directory = try TemporaryDirectory.make(prefix: "patchbay-plugins")
        let fixtures = PackagePaths.source("Tests/PluginHostTests/Fixtures")
        try compiler.buildSharedLibrary(
            sources: [PackagePaths.source("Plugins/ExampleC/example.c")],
            output: directory.file("libexample.so"),
            strict: true
        )
        for name in fixtureNames {
            try compiler.buildSharedLibrary(
                sources: ["\(fixtures)/\(name).c"],
                output: directory.file("lib\(name).so"),
                includeDirectories: [PackagePaths.abiHeaders, fixtures]
            )
        }
        try compiler.buildSharedLibrary(
            sources: ["\(fixtures)/overlap.c"],
            output: directory.file("liboverlap_concurrent.so"),
            includeDirectories: [PackagePaths.abiHeaders, fixtures],
            defines: ["FIXTURE_CONCURRENT"]
        )
        for copy in ["twin_a", "twin_b", "mismatch"] {
            try compiler.buildSharedLibrary(
                sources: ["\(fixtures)/twin.c"],
                output: directory.file("lib\(copy).so"),
                includeDirectories: [PackagePaths.abiHeaders, fixtures]
            )
        }
        // Longer than an ELF header, so the loader reads it and says why it is not one.
        let text = String(repeating: "This is a text file, not a shared library.\n", count: 4)
        try text.write(toFile: directory.file("libtext.so"), atomically: true, encoding: .utf8)
        let manifest = try directory.write(manifestText(), to: "plugins.yaml")
        return PluginFixtures(directory: directory, manifestPath: manifest)
    }

    /// Good plugins first and last, broken ones between, so order and isolation both show.
    private static func manifestText() -> String {
        let entries =
            ["example"] + fixtureNames.filter { $0 != "overlap" } + ["twin_a", "twin_b", "text", "missing"]
        var text = "plugins:\n"
        for name in entries {
            text += "  - path: lib\(name).so\n"
        }
        text += "  - path: libmismatch.so\n    id: other\n"
        text += "  - path: libexample.so\n    id: example\n    enabled: false\n"
        text += "  - path: libexample.so\n    isolation: process\n"
        return text
    }
}
