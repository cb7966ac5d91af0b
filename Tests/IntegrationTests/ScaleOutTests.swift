import Foundation
import PatchbayTestSupport
import Storage
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Issue 12's scale-out test: three `patchbay serve` processes on one PostgreSQL database, 30 integrations every 2 s
/// against a loopback FakeMeraki, one instance killed with SIGKILL in the middle of a sync.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PATCHBAY_TEST_SKIP_POSTGRES"] != "1"))
struct ScaleOutTests {
    /// Each integration reads its own organization (so each has its own 10/s budget), two networks in it.
    static let dataset = FakeMerakiDataset.generated(
        organizations: 30,
        networksPerOrganization: 2,
        accessPointsPerNetwork: 1,
        otherDevices: false
    )

    @Test func threeInstancesShareJobsDataAndTokensAndTakeOverAKilledOnesSync() async throws {
        try await withCLI(Self.dataset, backend: .postgres) { cli in
            var cli = cli
            // A killed instance's job holds its integration until the lease expires: a short one keeps this short.
            cli.environment["PATCHBAY_SYNC_LEASE_SECONDS"] = "3"
            let url = try DatabaseURL(parsing: try #require(cli.environment["PATCHBAY_DATABASE_URL"]))
            let store = try PostgresStore(url: url)
            var integrations: [Int] = []
            for organization in 1...30 {
                integrations.append(
                    try await cli.integrationID(
                        "org-\(organization)",
                        extra: [
                            "--no-validate", "--setting", "organization_ids=\(100_000 + organization)", "--sync-every",
                            "2s",
                        ]
                    )
                )
            }
            let victim = Int64(try #require(integrations.last))
            // The victim's first listing waits out a 30 s Retry-After: its sync is still running when the kill comes.
            cli.fake.inject(.tooManyRequests(retryAfterSeconds: 30), at: "/organizations/100030/networks")

            var servers: [(process: ChildProcess, base: String)] = []
            for _ in 0..<3 {
                let server = try cli.start("serve", "--port", "0", "--sync-workers", "3")
                let address = try await server.waitForStandardError(matching: #"http://127\.0\.0\.1:\d+/v1"#)
                servers.append((server, try #require(address, "no listening line: \(server.standardErrorSoFar)")))
            }
            let started = ContinuousClock.now

            // Kill the instance running the victim's sync, mid-sync: once its listing met the Retry-After.
            _ = try await poll("the victim's listing to be answered 429", within: .seconds(30)) {
                cli.fake.requestCount("/organizations/100030/networks") >= 1 ? true : nil
            }
            let stuck = try await poll("the victim's sync to run", within: .seconds(5)) {
                try store.liveSyncRun(integrationID: victim).flatMap { $0.status == .running ? $0 : nil }
            }
            let owner = try #require(stuck.owner)
            let killedIndex = try #require(servers.firstIndex { owner.contains("/\($0.process.processIdentifier)/") })
            servers[killedIndex].process.send(SIGKILL)
            _ = try await servers[killedIndex].process.waitForExit()
            let killedAt = ContinuousClock.now
            let survivors = servers.enumerated().filter { $0.offset != killedIndex }.map(\.element)

            // Its job is abandoned once the lease runs out, and another instance syncs the integration.
            let takeover = try await poll("another instance to sync the victim", within: .seconds(20)) {
                try store.syncRuns(integrationID: victim, limit: 100).first {
                    $0.id ?? 0 > stuck.id ?? 0 && $0.status == .succeeded
                }
            }
            #expect(try store.syncRun(id: stuck.id ?? 0)?.status == .abandoned)
            #expect(takeover.owner != owner)
            #expect(ContinuousClock.now - killedAt < .seconds(3 + 2 + 5), "the takeover took too long")

            // Every integration keeps syncing about once per interval, never two runs of one at once.
            _ = try await poll("three syncs of every integration", within: .seconds(45)) {
                try integrations.allSatisfy { integration in
                    try store.syncRuns(integrationID: Int64(integration), limit: 100)
                        .count { $0.status == .succeeded } >= 3
                } ? true : nil
            }
            let elapsed = ContinuousClock.now - started
            var owners: Set<String> = []
            for integration in integrations {
                let runs = try store.syncRuns(integrationID: Int64(integration), limit: 100).reversed()
                let succeeded = runs.filter { $0.status == .succeeded }
                #expect(
                    Double(succeeded.count) <= Double(elapsed.components.seconds) / 2 + 2,
                    "integration \(integration) synced \(succeeded.count) times in \(elapsed)"
                )
                for (earlier, later) in zip(runs, runs.dropFirst()) {
                    let overlap = (later.startedAt ?? .distantFuture) < (earlier.finishedAt ?? .distantFuture)
                    #expect(!overlap, "runs \(earlier.id ?? 0) and \(later.id ?? 0) of \(integration) overlapped")
                }
                for run in runs {
                    owners.insert(run.owner?.split(separator: "/").dropFirst().first.map(String.init) ?? "")
                }
            }
            #expect(owners.count >= 3, "the jobs were not spread over the instances: \(owners)")

            // The same data, tokens and runs through every instance.
            let token = try #require(cli.token)
            var listings: [[Int]] = []
            for server in survivors {
                let networks = try await get(server.base + "/workspaces/acme/networks?limit=100", token: token)
                #expect(networks.status == 200)
                let items = (networks.object["networks"] as? [[String: Any]]) ?? []
                listings.append(items.compactMap { ($0["id"] as? NSNumber)?.intValue })
                let run = try await get(server.base + "/syncs/\(stuck.id ?? 0)", token: token)
                #expect(run.object["status"] as? String == "abandoned")
            }
            #expect(listings.count == 2 && listings[0] == listings[1] && listings[0].count == 60)

            for server in survivors {
                server.process.send(SIGTERM)
                #expect(try await server.process.waitForExit().status == 0)
            }
        }
    }
}

/// Polls `probe` until it returns a value (no sleeping: each probe is a database round trip).
private func poll<T>(_ what: String, within limit: Duration, _ probe: () throws -> T?) async throws -> T {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if let value = try probe() { return value }
        await Task.yield()
    }
    throw TestDatabaseError(description: "timed out after \(limit) waiting for \(what)")
}

private func get(_ url: String, token: String) async throws -> (status: Int, object: [String: Any]) {
    var request = URLRequest(url: try #require(URL(string: url)))
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    let (body, response) = try await URLSession.shared.data(for: request)
    let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, object)
}
