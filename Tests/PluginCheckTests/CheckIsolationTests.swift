import PatchbayTestSupport
import Testing

/// The suite of checks gives the same results whether the calls run in the checker's child (`--isolation
/// in-process`) or in a plugin runner (`--isolation process`): a plugin that passes passes under either
/// `isolation:` setting, and a broken one fails the same checks.
@Suite struct CheckIsolationTests {
    @Test(arguments: ["conforming", "ok_without_result", "invalid_page", "ignores_sink", "double_free", "leaks"])
    func checksAgreeInBothIsolationModes(fixture: String) async throws {
        let library = try await CheckFixtures.library(fixture)
        try await expectSameResults(library, fixture: fixture)
    }

    @Test func crashFailsTheSameCheckInBothIsolationModes() async throws {
        let library = try await MisbehavingPlugins.library("ABORT")
        let runs = try await expectSameResults(library, fixture: "ABORT")
        #expect(runs.process.names("FAIL") == ["buffers.free_buffer"])
        #expect(runs.process.detail("buffers.free_buffer").contains("crashed (SIGABRT) during validate"))
    }

    @discardableResult
    private func expectSameResults(
        _ library: String,
        fixture: String
    ) async throws -> (inProcess: CheckRun, process: CheckRun) {
        let credentials = ["token": "t"]
        let inProcess = try await CheckRun.run(library, credentials: credentials, extra: ["--isolation", "in-process"])
        let process = try await CheckRun.run(library, credentials: credentials, extra: ["--isolation", "process"])
        let outcomes = { (run: CheckRun) in run.checks.map { "\($0["name"] ?? "") \($0["status"] ?? "")" } }
        #expect(!outcomes(inProcess).isEmpty, "\(inProcess.output.standardError)")
        #expect(outcomes(inProcess) == outcomes(process), "\(fixture): \(process.output.standardOutput)")
        #expect(inProcess.output.status == process.output.status)
        return (inProcess, process)
    }
}
