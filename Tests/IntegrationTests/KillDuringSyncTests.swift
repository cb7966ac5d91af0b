import Foundation
import GRDB
import PatchbayCore
import PatchbayTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 15 item 15: `kill -9` at random points of a sync leaves a sound database holding exactly what the last
/// completed sync wrote; the next sync then completes.
@Suite struct KillDuringSyncTests {
    /// What the first, completed sync reads: 400 networks.
    static let before = FakeMerakiDataset.generated(organizations: 1, networksPerOrganization: 400)
    /// What the killed syncs read: every name changed, 100 networks gone, 100 new.
    static let after = FakeMerakiDataset(organizations: [
        FakeMerakiDataset.Organization(
            id: "100001",
            name: "Org 1",
            networks: (101...500).map { index in
                FakeMerakiDataset.Network(
                    id: "L_100001\(String(index + 1_000_000).dropFirst())",
                    name: "Renamed \(index)",
                    productTypes: ["wireless"]
                )
            }
        )
    ])

    @Test func killNineMidSyncLeavesTheLastCompletedSync() async throws {
        try await withCLI(Self.before) { cli in
            // A killed sync's job holds the integration until its lease expires: a short lease keeps the test short.
            var cli = cli
            cli.environment["PATCHBAY_SYNC_LEASE_SECONDS"] = "1"
            #expect(try await cli.createIntegration("HQ").status == 0)
            _ = try await cli.runChecked(["networks", "sync", "--integration", "1"])
            var completed = try await networks(cli)
            #expect(completed.count == 400)

            try await withFakeMeraki(Self.after) { changed in
                // 25 networks a page: 16 pages, paced by the plugin's 10 requests/s budget, so a kill lands inside.
                changed.capPages(at: 25)
                let pluginsFile = try cli.folder.write("plugins:\n\(changed.pluginEntry)\n", to: "changed.yaml")
                var generator = SystemRandomNumberGenerator()
                // Kill once the fake has answered k requests: 1 (organizations only), every page (17: the apply
                // phase), and points between that differ from run to run.
                let points = [1, 17] + (0..<4).map { _ in Int.random(in: 2...16, using: &generator) }
                for point in points {
                    try await waitUntilNoLiveRun(cli)
                    changed.resetRequests()
                    let killed = try await killSync(cli, pluginsFile: pluginsFile, after: point, fake: changed)
                    #expect(try integrityCheck(cli) == "ok", "after a kill at request \(point)")
                    if killed {
                        #expect(try await networks(cli) == completed, "a kill at request \(point) changed the data")
                    } else {
                        completed = try await networks(cli)  // it finished first: that is the last completed sync
                    }
                }
                // And the integration is not left stuck: once the last killed job is abandoned (within its lease), the
                // next sync completes with the new listing.
                try await waitUntilNoLiveRun(cli)
                let output = try await cli.run(["networks", "sync", "--integration", "1"], pluginsFile: pluginsFile)
                #expect(output.status == 0, "\(output.standardError)")
                let synced = try await networks(cli)
                #expect(synced.filter { $0["provisioning_status"] as? String == "active" }.count == 400)
                #expect(synced.contains { ($0["name"] as? String) == "Renamed 500" })
            }
        }
    }

    /// Starts `networks sync` and sends SIGKILL once `fake` has answered `requests` requests. false when the sync
    /// finished before that point (it is then a completed sync, so the test stops comparing).
    private func killSync(
        _ cli: CLIHarness,
        pluginsFile: String,
        after requests: Int,
        fake: FakeMeraki
    ) async throws
        -> Bool
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProductsDirectory.patchbayBinary)
        process.arguments = ["networks", "sync", "--integration", "1"]
        process.environment = ProcessInfo.processInfo.environment.merging(cli.environment) { _, new in new }.merging(
            [
                "PATCHBAY_DATA_DIR": cli.dataDirectory, "PATCHBAY_PLUGINS": pluginsFile,
                "PATCHBAY_TOKEN": cli.token ?? "",
            ]
        ) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Poll the fake, not the clock: the kill point is a number of answered requests.
        while process.isRunning && fake.requests.count < requests {
            try await Task.sleep(for: .milliseconds(2))
        }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        try await onOwnThread { process.waitUntilExit() }
        return wasRunning && process.terminationReason == .uncaughtSignal
    }

    /// Polls the integration's runs until none is queued or running: listing them is what marks a killed process's
    /// job `abandoned` once its lease expired.
    private func waitUntilNoLiveRun(_ cli: CLIHarness) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while try await cli.runs(of: 1).contains(where: { ["queued", "running"].contains($0["status"] as? String) }) {
            #expect(ContinuousClock.now < deadline, "a killed sync's job was never abandoned")
            if ContinuousClock.now >= deadline { return }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    private func networks(_ cli: CLIHarness) async throws -> [[String: Any]] {
        let listed = try await cli.json("networks", "list", "--workspace", "acme", "--json")
        return try #require(listed as? [[String: Any]])
    }

    private func integrityCheck(_ cli: CLIHarness) throws -> String? {
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: cli.dataDirectory + "/patchbay.sqlite", configuration: configuration)
        return try database.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
    }
}

/// `[String: Any]` rows compared as JSON values.
private func == (lhs: [[String: Any]], rhs: [[String: Any]]) -> Bool {
    (lhs as NSArray).isEqual(to: rhs)
}
