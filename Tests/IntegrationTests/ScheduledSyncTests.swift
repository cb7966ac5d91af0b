import Foundation
import PatchbayTestSupport
import Storage
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Workers, the scheduler, cancellation through the API and rate budgets shared by processes, with real
/// `patchbay serve`/`worker`/CLI processes on one data directory.
@Suite struct ScheduledSyncTests {
    @Test func deleteThroughTheAPICancelsARunningSyncOfServesWorker() async throws {
        try await withCLI { cli in
            let integration = try await cli.integrationID("HQ")
            let server = try cli.start("serve", "--port", "0", "--sync-workers", "1")
            let address = try await server.waitForStandardError(matching: #"http://127\.0\.0\.1:\d+/v1"#)
            let base = try #require(address, "no listening line: \(server.standardErrorSoFar)")
            let token = try #require(cli.token)
            cli.fake.inject(.tooManyRequests(retryAfterSeconds: 30), at: "/organizations")

            let started = try await call("POST", base + "/integrations/\(integration)/syncs", token: token)
            #expect(started.status == 202)
            let runID = try #require(started.object["run_id"] as? Int)
            let running = try await cli.waitForRun(runID, status: "running")
            #expect((running["owner"] as? String)?.contains("/\(server.processIdentifier)/") == true)

            let cancelled = try await call("DELETE", base + "/syncs/\(runID)", token: token)
            #expect(cancelled.status == 202)
            #expect(cancelled.object["cancel_requested"] as? Bool == true)
            let ended = try await cli.waitForRun(runID, status: "cancelled", within: .seconds(5))
            #expect((ended["error"] as? String)?.contains("nothing was changed") == true)
            #expect(try await cli.networks().isEmpty)
            let again = try await call("DELETE", base + "/syncs/\(runID)", token: token)
            #expect(again.status == 200)  // already cancelled: nothing left to do

            server.send(SIGTERM)
            #expect(try await server.waitForExit().status == 0)
        }
    }

    @Test func workersRunEachScheduledIntegrationAboutOncePerIntervalAndBackOffAFailingOne() async throws {
        try await withCLI { cli in
            let good = [
                try await cli.integrationID("One", extra: ["--sync-every", "1s"]),
                try await cli.integrationID("Two", extra: ["--sync-every", "1s"]),
            ]
            let broken = try await cli.createIntegration(
                "Broken",
                apiKey: "not-a-key",
                extra: ["--no-validate", "--json"]
            )
            let failing = try #require(
                (try JSONSerialization.jsonObject(with: Data(broken.standardOutput.utf8)) as? [String: Any])?["id"]
                    as? Int
            )
            // Scheduled afterwards, through `integrations update`.
            _ = try await cli.runChecked(["integrations", "update", "\(failing)", "--sync-every", "1s"])
            let worker = try cli.start("worker", "--sync-workers", "2")
            let started = ContinuousClock.now
            // Until both good integrations have synced four times (~4 s), each run one Process round trip apart.
            while try await good.asyncAllSatisfy({
                try await cli.runs(of: $0).count { $0["status"] as? String == "succeeded" } >= 4
            }) == false {
                #expect(ContinuousClock.now - started < .seconds(20), "the scheduler fell behind")
                if ContinuousClock.now - started > .seconds(20) { break }
            }
            worker.send(SIGTERM)
            #expect(try await worker.waitForExit().status == 0)
            let elapsed = ContinuousClock.now - started

            let database = try SQLiteStore(directory: cli.dataDirectory)
            for integration in good {
                let runs = try database.syncRuns(integrationID: Int64(integration), limit: 100).reversed()
                #expect(runs.allSatisfy { $0.trigger == .schedule && $0.status == .succeeded })
                let perSecond = Double(runs.count) / (Double(elapsed.components.seconds) + 0.001)
                #expect(runs.count >= 4 && perSecond <= 1.3, "\(runs.count) runs in \(elapsed)")
                for (earlier, later) in zip(runs, runs.dropFirst()) {
                    let overlap = (later.startedAt ?? .distantPast) < (earlier.finishedAt ?? .distantFuture)
                    #expect(!overlap, "runs \(earlier.id ?? 0) and \(later.id ?? 0) overlapped")
                }
            }
            let failed = try database.syncRuns(integrationID: Int64(failing), limit: 100)
            #expect(!failed.isEmpty && failed.allSatisfy { $0.status == .failed })
            #expect(failed.count <= 3, "backed off: \(failed.count) runs of a failing integration in \(elapsed)")
            let listed = try #require(
                try await cli.json("integrations", "list", "--workspace", "acme", "--json") as? [[String: Any]]
            )
            let row = try #require(listed.first { $0["id"] as? Int == failing })
            #expect(row["sync_interval_seconds"] as? Int == 1)
            let lastSync = try #require(row["last_sync"] as? [String: Any])
            #expect(lastSync["status"] as? String == "failed")
            #expect((lastSync["error"] as? String)?.isEmpty == false)
            #expect(row["next_sync_at"] is String)
        }
    }

    /// A DURATION typo is a usage error (64) naming the accepted forms; nothing is created or changed.
    @Test func aSyncIntervalTypoIsAUsageErrorNamingTheAcceptedForms() async throws {
        try await withCLI { cli in
            let integration = try await cli.integrationID("HQ")
            for typo in ["15x", "0s", "m", "1.5h", "90", "3 m"] {
                let created = try await cli.createIntegration("Typo", extra: ["--sync-every", typo])
                #expect(created.status == 64, "\(typo): \(created.standardError)")
                #expect(
                    created.standardError.contains("--sync-every \(typo): not a duration; use"),
                    "\(created.standardError)"
                )
                #expect(created.standardError.contains("90s, 15m or 2h"))
            }
            let updated = try await cli.run("integrations", "update", "\(integration)", "--sync-every", "2d")
            #expect(updated.status == 64)
            #expect(updated.standardError.contains("90s, 15m or 2h (at least 1s), or off"), "\(updated.standardError)")
            let rows = try #require(
                try await cli.json("integrations", "list", "--workspace", "acme", "--json") as? [[String: Any]]
            )
            #expect(rows.count == 1, "a failed create added an integration: \(rows)")
            #expect(rows.first?["sync_interval_seconds"] is NSNull)
        }
    }

    @Test func twoProcessesSyncingTheSameOrganizationsShareTheirRateBudget() async throws {
        try await withCLI(.generated(organizations: 20, networksPerOrganization: 40)) { cli in
            let first = try await cli.integrationID("HQ")
            let second = try await cli.integrationID("Mirror")
            cli.fake.capPages(at: 5)  // 8 pages per organization and sync: 16 per organization for both
            cli.fake.limitRate(requestsPerSecond: 10)
            cli.fake.resetRequests()
            async let one = cli.run("networks", "sync", "--integration", "\(first)")
            async let two = cli.run("networks", "sync", "--integration", "\(second)")
            let (a, b) = try await (one, two)
            #expect(a.status == 0, "\(a.standardError)")
            #expect(b.status == 0, "\(b.standardError)")
            #expect(cli.fake.requestCount("/organizations/100001/networks") >= 16)
            #expect(cli.fake.tooManyRequestsSent == 0, "the two processes together exceeded 10/s per organization")
        }
    }
}

/// One API call over loopback with a bearer token.
private func call(_ method: String, _ url: String, token: String) async throws -> (status: Int, object: [String: Any]) {
    var request = URLRequest(url: try #require(URL(string: url)))
    request.httpMethod = method
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    let (body, response) = try await URLSession.shared.data(for: request)
    let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, object)
}

extension Sequence {
    func asyncAllSatisfy(_ predicate: (Element) async throws -> Bool) async rethrows -> Bool {
        for element in self where try await !predicate(element) { return false }
        return true
    }
}
