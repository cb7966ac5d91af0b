import Foundation
import PatchbayTestSupport
import Storage
import Testing

/// Syncs as leased jobs, across several real `patchbay` processes on one data directory, with the real Meraki plugin
/// against a FakeMeraki on loopback. Held syncs wait in a Retry-After the fake sends.
@Suite struct SyncJobTests {
    @Test func twoProcessesSyncTwoIntegrationsAtOnce() async throws {
        try await withCLI { cli in
            let first = try await cli.integrationID("HQ")
            let second = try await cli.integrationID("Branch")
            // Each sync's first request waits a 4 s Retry-After: serialized, the two would take over 8 s.
            cli.fake.inject(.tooManyRequests(retryAfterSeconds: 4), at: "/organizations", times: 2)
            async let one = cli.run("networks", "sync", "--integration", "\(first)", "--json")
            async let two = cli.run("networks", "sync", "--integration", "\(second)", "--json")
            let (a, b) = try await (one, two)
            #expect(a.status == 0, "\(a.standardError)")
            #expect(b.status == 0, "\(b.standardError)")
            // From the runs' own times (process start-up excluded): together they took well under their sum.
            let database = try SQLiteStore(directory: cli.dataDirectory)
            let runs = try [first, second].compactMap { try database.syncRuns(integrationID: Int64($0)).first }
            let starts = runs.compactMap(\.startedAt)
            let ends = runs.compactMap(\.finishedAt)
            let sum = runs.compactMap(\.durationMS).reduce(0, +)
            let span = Int(((ends.max() ?? .distantFuture).timeIntervalSince(starts.min() ?? .distantPast)) * 1000)
            #expect(runs.count == 2 && runs.allSatisfy { $0.status == .succeeded })
            #expect(sum >= 8_000 && span < sum * 3 / 4, "together \(span) ms, one after the other \(sum) ms")
        }
    }

    @Test func sameIntegrationFromASecondProcessIsRefusedNamingTheRun() async throws {
        try await withCLI { cli in
            let integration = try await cli.integrationID("HQ")
            cli.fake.inject(.tooManyRequests(retryAfterSeconds: 20), at: "/organizations")
            let held = try cli.start("networks", "sync", "--integration", "\(integration)")
            let runID = try await cli.waitForNewestRun(of: integration, status: "running")

            let second = try await cli.run("networks", "sync", "--integration", "\(integration)")
            #expect(second.status == 75)
            #expect(second.standardError.contains("run \(runID)"), "\(second.standardError)")
            #expect(try await cli.runs(of: integration).count == 1, "the refused sync recorded no run")

            // Cancelled from a third process; the held one ends at once though its Retry-After had 20 s to go.
            let cancel = try await cli.run("syncs", "cancel", "\(runID)")
            #expect(cancel.status == 0, "\(cancel.standardError)")
            let ended = try await held.waitForExit()
            #expect(ended.status == 130, "\(ended.standardError)")
            let run = try await cli.run(runID)
            #expect(run["status"] as? String == "cancelled")
        }
    }

    @Test func killedSyncIsAbandonedWithinItsLeaseAndTheNextSyncSucceeds() async throws {
        try await withCLI { cli in
            var cli = cli
            cli.environment["PATCHBAY_SYNC_LEASE_SECONDS"] = "2"
            let integration = try await cli.integrationID("HQ")
            _ = try await cli.runChecked(["networks", "sync", "--integration", "\(integration)"])
            let before = fingerprint(try await cli.networks())
            cli.fake.inject(.tooManyRequests(retryAfterSeconds: 30), at: "/organizations")
            let doomed = try cli.start("networks", "sync", "--integration", "\(integration)")
            let runID = try await cli.waitForNewestRun(of: integration, status: "running")
            let killed = ContinuousClock.now
            doomed.send(SIGKILL)
            _ = try await doomed.waitForExit()

            let abandoned = try await cli.waitForRun(runID, status: "abandoned", within: .seconds(6))
            #expect(ContinuousClock.now - killed < .seconds(5), "seen abandoned only after the lease and then some")
            #expect((abandoned["error"] as? String)?.contains("stopped renewing its lease") == true)
            #expect(fingerprint(try await cli.networks()) == before, "the killed sync changed something")

            let next = try await cli.runChecked(["networks", "sync", "--integration", "\(integration)", "--json"])
            let run = try #require(
                try JSONSerialization.jsonObject(with: Data(next.standardOutput.utf8)) as? [String: Any]
            )
            #expect(run["status"] as? String == "succeeded")
            #expect(run["unchanged"] as? Int == 10)
            #expect(try SQLiteStore(directory: cli.dataDirectory).integrityCheck() == ["ok"])
        }
    }

    @Test func sigintCancelsTheSyncAndChangesNothing() async throws {
        try await withCLI(.generated(organizations: 2, networksPerOrganization: 5)) { cli in
            let integration = try await cli.integrationID("HQ")
            cli.fake.inject(.tooManyRequests(retryAfterSeconds: 30), at: "/organizations")
            let sync = try cli.start("networks", "sync", "--integration", "\(integration)")
            let runID = try await cli.waitForNewestRun(of: integration, status: "running")
            let interrupted = ContinuousClock.now
            sync.send(SIGINT)
            let ended = try await sync.waitForExit()
            // The plugin's wait was cut short by its call's cancel flag, not by the 30 s Retry-After running out.
            #expect(ContinuousClock.now - interrupted < .seconds(5))
            #expect(ended.status == 130, "\(ended.standardError)")
            #expect(ended.standardError.contains("run \(runID): cancelled"), "\(ended.standardError)")
            let run = try await cli.run(runID)
            #expect(run["status"] as? String == "cancelled")
            #expect(try await cli.networks().isEmpty)
        }
    }

    @Test func integrationsCreateDuringALongSyncReturnsWithinASecond() async throws {
        try await withCLI { cli in
            let integration = try await cli.integrationID("HQ")
            // What a create costs here with no sync running (process start-up on a loaded test machine included).
            let idleStart = ContinuousClock.now
            _ = try await cli.integrationID("Idle", extra: ["--no-validate"])
            let idle = ContinuousClock.now - idleStart
            cli.fake.inject(.tooManyRequests(retryAfterSeconds: 30), at: "/organizations")
            let held = try cli.start("networks", "sync", "--integration", "\(integration)")
            let runID = try await cli.waitForNewestRun(of: integration, status: "running")

            let started = ContinuousClock.now
            let created = try await cli.createIntegration("Branch", extra: ["--no-validate"])
            let elapsed = ContinuousClock.now - started
            #expect(created.status == 0, "\(created.standardError)")
            // Under a second on an idle machine; under load, never more than a second beyond an idle create.
            #expect(
                elapsed < max(.seconds(1), idle + .seconds(1)),
                "create took \(elapsed) during a sync, \(idle) idle"
            )
            let deleted = try await cli.run(
                "integrations",
                "delete",
                "\(try await cli.integrationID("Gone", extra: ["--no-validate"]))"
            )
            #expect(deleted.status == 0, "\(deleted.standardError)")

            _ = try await cli.runChecked(["syncs", "cancel", "\(runID)"])
            _ = try await held.waitForExit()
        }
    }
}
