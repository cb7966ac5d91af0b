import PatchbayCore
import PatchbayTestSupport
import Testing

/// The plugin's own JSON reader (Plugins/Mist/json.c), exercised by a C program: escapes, surrogate pairs, numbers,
/// byte spans, malformed input, nesting depth and the string writer.
@Suite struct MistJSONTests {
    @Test func jsonReaderPassesItsCProgram() async throws {
        let output = try await onOwnThread {
            try withTemporaryDirectorySync(prefix: "mist-json") { folder in
                let program = folder.file("json_test")
                try CCompiler.find().buildExecutable(
                    sources: [
                        PackagePaths.source("Tests/MistTests/Fixtures/json_test.c"),
                        PackagePaths.source("Plugins/Mist/json.c"),
                    ],
                    output: program,
                    includeDirectories: [PackagePaths.source("Plugins/Mist")]
                )
                return try ProcessRunner.run(program, [])
            }
        }

        #expect(output.status == 0, "\(output.standardOutput)")
        #expect(output.standardOutput == "ok\n")
    }
}
