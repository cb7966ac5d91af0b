import Foundation
import PatchbayCore
import PatchbayTestSupport
import Testing

/// Every call of the Mist plugin, success and failure, driven in C through a minimal fake host: it must free what it
/// allocates and touch nothing it does not own. Under valgrind when it is installed; plainly otherwise.
@Suite struct MistMemoryTests {
    @Test func everyCallFreesWhatItAllocates() async throws {
        let output = try await onOwnThread {
            try withTemporaryDirectorySync(prefix: "mist-host") { folder in
                let program = folder.file("mist_host")
                let mist = PackagePaths.source("Plugins/Mist")
                let sources = try FileManager.default.contentsOfDirectory(atPath: mist)
                    .filter { $0.hasSuffix(".c") }
                    .map { mist + "/" + $0 }
                try CCompiler.find().buildExecutable(
                    sources: [PackagePaths.source("Tests/MistTests/Fixtures/mist_host.c")] + sources.sorted(),
                    output: program,
                    includeDirectories: [PackagePaths.abiHeaders, mist]
                )
                guard let valgrind = Self.valgrind else { return try ProcessRunner.run(program, []) }
                return try ProcessRunner.run(
                    valgrind,
                    [
                        "--leak-check=full", "--errors-for-leak-kinds=definite,indirect", "--error-exitcode=3", "-q",
                        program,
                    ]
                )
            }
        }

        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        #expect(output.standardOutput == "ok\n")
    }

    static var valgrind: String? {
        ["/usr/bin/valgrind", "/usr/local/bin/valgrind"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
