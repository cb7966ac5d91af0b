import PatchbayTestSupport
import Testing

/// Each broken fixture fails exactly the check that names its fault, and the command exits 1.
@Suite struct BrokenPluginCheckTests {
    @Test(arguments: [
        ("ok_without_result", ["validate.result"], "returned OK without a result"),
        ("leaks", ["buffers.repeated_calls"], "a call leaks"),
        ("double_free", ["buffers.free_buffer"], "double free"),
        ("invalid_page", ["list_networks.pages"], "page 1: malformed answer: page is not JSON"),
        (
            "ignores_credentials", ["validate.malformed_credentials", "list_networks.malformed_credentials"],
            "{} gave OK"
        ),
        ("ignores_sink", ["list_networks.sink_stop"], "sent 2 more page(s) and returned OK"),
        (
            "unknown_status", ["validate.malformed_credentials", "list_networks.malformed_credentials"],
            "{} gave status 42, which is not a v1 status"
        ),
    ])
    func brokenPluginFailsForTheRightReason(fixture: String, failing: [String], reason: String) async throws {
        let run = try await CheckRun.run(try await CheckFixtures.library(fixture), credentials: ["token": "t"])

        #expect(run.output.status == 1, "\(run.output.standardError)")
        #expect(run.report["passed"] as? Bool == false)
        #expect(run.names("FAIL") == failing)
        #expect(run.detail(failing[0]).contains(reason), "\(run.detail(failing[0]))")
    }

    @Test func libraryThatExitsWhileLoadingFailsInsteadOfPassingEmpty() async throws {
        let run = try await CheckRun.run(try await CheckFixtures.library("constructor_exit"))

        #expect(run.output.status == 1, "\(run.output.standardOutput)")
        #expect(run.report["passed"] as? Bool == false)
        #expect(run.names("FAIL") == ["abi.entry_point"])
        #expect(run.detail("abi.entry_point").contains("exited with status 0"), "\(run.detail("abi.entry_point"))")
    }

    @Test func pluginThatWritesToStdoutFails() async throws {
        let run = try await CheckRun.run(try await CheckFixtures.library("writes_stdout"), credentials: ["token": "t"])

        #expect(run.output.status == 1)
        #expect(run.names("FAIL") == ["process.stdout"])
        #expect(run.detail("process.stdout").contains("the plugin writes to stdout"))
        #expect(run.detail("process.stdout").contains("hello from the plugin"))
    }

    @Test func conformingFixturePassesEveryCheckItCanRun() async throws {
        let run = try await CheckRun.run(try await CheckFixtures.library("conforming"), credentials: ["token": "t"])

        #expect(run.output.status == 0, "\(run.output.standardOutput)")
        #expect(run.names("FAIL").isEmpty)
        #expect(run.names("SKIP") == ["counts.malformed_credentials", "counts.result", "threads.concurrent_calls"])
    }

    @Test func fileThatIsNotALibraryFailsTheEntryPoint() async throws {
        try await withTemporaryDirectory { folder in
            let text = try folder.write(String(repeating: "not a shared library\n", count: 20), to: "libtext.so")
            let run = try await CheckRun.run(text)

            #expect(run.output.status == 1)
            #expect(run.names("FAIL") == ["abi.entry_point"])
            #expect(run.names("SKIP") == ["calls"])
        }
    }
}
