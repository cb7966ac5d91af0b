import Foundation
import PatchbayTestSupport
import Testing

/// `plugins check` cannot be fooled or stalled: a call that never returns fails its check by name, a crash is
/// pinned on the check and call it happened in with the hint that fits the signal, and the checker's child never
/// outlives the checker.
@Suite struct CheckContainmentTests {
    @Test func callThatNeverReturnsFailsItsCheckNamingTheCall() async throws {
        let run = try await CheckRun.run(
            try await MisbehavingPlugins.library("HANG_VALIDATE"),
            extra: ["--timeout", "1"]
        )

        #expect(run.output.status == 1, "\(run.output.standardError)")
        #expect(run.names("FAIL") == ["buffers.free_buffer"])
        #expect(run.names("SKIP") == ["calls"])
        let detail = run.detail("buffers.free_buffer")
        #expect(detail.hasPrefix("validate did not return within 1.0 seconds (the check was stopped)"), "\(detail)")
    }

    struct Crash: Sendable, CustomTestStringConvertible {
        let fixture: String
        let signal: String
        let hint: String
        var testDescription: String { fixture }
    }

    @Test(arguments: [
        Crash(fixture: "ABORT", signal: "signal 6, SIGABRT", hint: "the plugin called abort() (or an assert failed)"),
        Crash(fixture: "SEGFAULT", signal: "signal 11, SIGSEGV", hint: "a bad pointer: NULL, freed"),
    ])
    func crashIsPinnedOnItsCheckAndCallWithTheRightHint(_ crash: Crash) async throws {
        let run = try await CheckRun.run(try await MisbehavingPlugins.library(crash.fixture))

        #expect(run.output.status == 1)
        #expect(run.names("FAIL") == ["buffers.free_buffer"])
        let detail = run.detail("buffers.free_buffer")
        #expect(detail.hasPrefix("the plugin crashed the process during validate (\(crash.signal))"), "\(detail)")
        #expect(detail.contains(crash.hint), "\(detail)")
        #expect(!detail.contains("double free"), "\(detail)")
    }

    @Test func childEndsWhenTheCheckerIsKilled() async throws {
        let checker = try ChildProcess(
            ProductsDirectory.patchbayBinary,
            ["plugins", "check", try await MisbehavingPlugins.library("HANG_VALIDATE"), "--timeout", "600"]
        )
        let parent = checker.processIdentifier
        var child: Int32?
        let deadline = ContinuousClock.now + .seconds(30)
        while child == nil, ContinuousClock.now < deadline {
            child = Self.children(of: parent).first
            if child == nil { try await Task.sleep(for: .milliseconds(5)) }
        }
        let pid = try #require(child, "the checker started no child")

        checker.send(SIGKILL)
        _ = try await checker.waitForExit()
        // Orphaned, the child is re-parented; it must end on its own (a zombie waiting for its reaper has ended).
        let gone = ContinuousClock.now + .seconds(30)
        while Self.isAlive(pid), ContinuousClock.now < gone {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(!Self.isAlive(pid), "the checker's child \(pid) outlived it")
    }

    /// The processes whose parent is `pid`, from /proc.
    private static func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { candidate in
            stat(candidate).map { $0.parent == pid } ?? false
        }
    }

    private static func isAlive(_ pid: Int32) -> Bool {
        guard let state = stat(pid)?.state else { return false }
        return state != "Z" && state != "X"
    }

    /// State and parent from /proc/PID/stat; the command name in parentheses may hold spaces, so fields are read
    /// after its closing parenthesis.
    private static func stat(_ pid: Int32) -> (state: String, parent: Int32)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 2, let parent = Int32(fields[1]) else { return nil }
        return (String(fields[0]), parent)
    }
}
