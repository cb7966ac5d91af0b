import Foundation
import PatchbayTestSupport
import Testing

/// Reading sync runs through the real CLI, as an operator (or a second process) would.
extension CLIHarness {
    func runs(of integrationID: Int) async throws -> [[String: Any]] {
        let listed = try await json("syncs", "list", "--integration", "\(integrationID)", "--limit", "100", "--json")
        return try #require(listed as? [[String: Any]])
    }

    func run(_ runID: Int) async throws -> [String: Any] {
        try #require(try await json("syncs", "show", "\(runID)", "--json") as? [String: Any])
    }

    /// Polls the integration's runs until its newest one has `status`; returns that run's id.
    func waitForNewestRun(
        of integrationID: Int,
        status: String,
        within limit: Duration = .seconds(20)
    ) async throws
        -> Int
    {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let newest = try await runs(of: integrationID).first, newest["status"] as? String == status {
                return try #require(newest["id"] as? Int)
            }
        }
        Issue.record("integration \(integrationID): no run became \(status) within \(limit)")
        throw CancellationError()
    }

    /// Polls a run until its status is `status`.
    func waitForRun(
        _ runID: Int,
        status: String,
        within limit: Duration = .seconds(20)
    ) async throws
        -> [String: Any]
    {
        let deadline = ContinuousClock.now + limit
        var last: [String: Any] = [:]
        while ContinuousClock.now < deadline {
            last = try await run(runID)
            if last["status"] as? String == status { return last }
        }
        Issue.record("run \(runID): still \(last["status"] ?? "?") after \(limit), expected \(status)")
        throw CancellationError()
    }

    /// Every network of workspace acme as JSON, for before/after comparisons.
    func networks() async throws -> [[String: Any]] {
        try #require(try await json("networks", "list", "--workspace", "acme", "--json") as? [[String: Any]])
    }

    /// Creates an integration and returns its id.
    func integrationID(_ name: String, extra: [String] = []) async throws -> Int {
        let output = try await createIntegration(name, extra: extra + ["--json"])
        #expect(output.status == 0, "\(output.standardError)")
        let created = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8))
        return try #require((created as? [String: Any])?["id"] as? Int)
    }
}

/// Comparable identity of a networks listing: external id, name, status, updated time.
func fingerprint(_ networks: [[String: Any]]) -> [String] {
    networks.map {
        "\($0["external_id"] ?? "")|\($0["name"] ?? "")|\($0["provisioning_status"] ?? "")|\($0["updated_at"] ?? "")"
    }
    .sorted()
}
