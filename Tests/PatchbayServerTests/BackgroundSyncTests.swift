import Foundation
import PatchbayTestSupport
import Testing

/// Syncs run in the background: the API answers 202 at once, refuses a second sync with the running run's id, and
/// keeps answering other requests (reads and token checks) while the sync holds the database's write lock.
@Suite struct BackgroundSyncTests {
    @Test(arguments: TestBackend.all) func secondSyncIsAConflictNamingTheRunningRunAndOtherRequestsDoNotWait(
        _ backend: TestBackend
    ) async throws {
        try await withAPIServer(backend: backend) { api in
            let integration = try await api.createIntegration()
            // The fake holds the sync for a second (Retry-After) so the checks below happen while it runs.
            api.fake.inject(.tooManyRequests(retryAfterSeconds: 1), at: "/organizations")
            let first = try await api.call("POST", "/v1/integrations/\(integration)/syncs", token: api.owner)
            #expect(first.status == 202)
            let runID = try #require(first.object["run_id"] as? NSNumber)
            let second = try await api.call("POST", "/v1/integrations/\(integration)/syncs", token: api.member)
            #expect(second.status == 409)
            #expect(second.errorCode == "conflict")
            #expect((second.object["error"] as? [String: Any])?["run_id"] as? NSNumber == runID)
            #expect(try await api.call("GET", "/v1/me", token: api.viewer).status == 200)
            #expect(try await api.call("GET", "/v1/workspaces/acme/networks", token: api.viewer).status == 200)
            let running = try await api.call("GET", "/v1/syncs/\(runID)", token: api.viewer)
            // Queued for a worker or already running: either way the calls above did not wait for the sync.
            #expect(["queued", "running"].contains(running.object["status"] as? String))
            let finished = try await api.waitForRun(runID.int64Value)
            #expect(finished["status"] as? String == "succeeded")
            let history = try await api.call("GET", "/v1/integrations/\(integration)/syncs", token: api.viewer)
            #expect((history.object["syncs"] as? [[String: Any]])?.first?["id"] as? NSNumber == runID)
        }
    }
}
