import Logging
import PatchbayCore
import PatchbayTestSupport
import PluginCheck
import Synchronization
import Testing

/// The shipped plugins pass every check, with working credentials against their loopback fakes.
@Suite struct GoodPluginCheckTests {
    @Test func mistPassesAgainstFakeMist() async throws {
        try await withFakeMist(.generated(organizations: 2, sitesPerOrganization: 3)) { fake in
            let run = try await CheckRun.run(
                try await CPlugins.mist(),
                settings: ["base_url": fake.baseURL],
                credentials: ["api_token": FakeMistDataset.goodToken]
            )

            #expect(run.output.status == 0, "\(run.output.standardOutput)")
            #expect(run.names("FAIL").isEmpty)
            #expect(run.names("SKIP").isEmpty)
            #expect(run.detail("list_networks.pages") == "OK: 6 network(s) in 2 well-formed page(s)")
            #expect(run.detail("threads.concurrent_calls").contains("8 threads"))
        }
    }

    @Test func merakiPassesAgainstFakeMeraki() async throws {
        try await withFakeMeraki(.generated(organizations: 2, networksPerOrganization: 3)) { fake in
            let run = try await CheckRun.run(
                ProductsDirectory.product("libPatchbayMeraki.so"),
                settings: ["base_url": fake.baseURL],
                credentials: ["api_key": FakeMerakiDataset.goodKey]
            )

            #expect(run.output.status == 0, "\(run.output.standardOutput)")
            #expect(run.names("FAIL").isEmpty)
            #expect(run.names("SKIP").isEmpty)
        }
    }

    @Test func exampleTextReportHasOneLinePerCheck() async throws {
        let library = try await CPlugins.example()
        let output = try await onOwnThread {
            try ProcessRunner.run(ProductsDirectory.patchbayBinary, ["plugins", "check", library])
        }
        let lines = output.standardOutput.split(separator: "\n").map(String.init)

        #expect(output.status == 0)
        #expect(lines.first?.hasPrefix("PASS  abi.entry_point") == true)
        #expect(lines.contains { $0.hasPrefix("SKIP  validate.result") && $0.contains("--credentials-file") })
        #expect(lines.last == "\(library): 12 passed, 0 failed, 5 skipped")
    }

    @Test func checkerRunsInProcessAndStreamsEachCheckBeforeItsResult() async throws {
        let events = Mutex<[CheckEvent]>([])
        let options = CheckOptions(path: try await CPlugins.example(), credentials: ["token": "t"], repetitions: 20)
        let results = ConformanceChecker(options: options, logger: Logger(label: "check-tests")) { event in
            events.withLock { $0.append(event) }
        }
        .run()

        #expect(CheckReport(plugin: "example", checks: results).passed)
        let seen = events.withLock { $0 }
        let started = seen.compactMap { if case .started(let name) = $0 { name } else { nil } }
        #expect(started.contains("buffers.free_buffer"))
        #expect(seen.count { if case .finished = $0 { true } else { false } } == results.count)
    }
}
