import Foundation
import PatchbayCore
import PatchbayTestSupport
import Storage
import Testing

/// Shutdown and background syncs: graceful shutdown waits for a running sync; cancellation ends it `cancelled`
/// with nothing changed.
@Suite struct ShutdownTests {
    @Test func gracefulShutdownLetsARunningSyncFinish() async throws {
        let finished: (CoreContext, Int64) throws -> Void = { context, runID in
            let run = try #require(try context.database.syncRun(id: runID))
            #expect(run.status == .succeeded)
            #expect(run.created == 10)
        }
        try await withAPIServer(transport: .socket, afterShutdown: finished) { api in
            let integration = try await api.createIntegration()
            // The fake holds the sync for a second (Retry-After) so shutdown starts while it runs.
            api.fake.inject(.tooManyRequests(retryAfterSeconds: 1), at: "/organizations")
            let started = try await api.call("POST", "/v1/integrations/\(integration)/syncs", token: api.owner)
            #expect(started.status == 202)
            #expect(started.header("location") == "/v1/syncs/\(started.object["run_id"] ?? "")")
            let runID = try #require(started.object["run_id"] as? NSNumber).int64Value
            try await api.waitUntilRunning(runID)
            return runID
        }
    }

    @Test func cancelledShutdownRollsARunningSyncBack() async throws {
        let rolledBack: (CoreContext, Int64) throws -> Void = { context, runID in
            let run = try #require(try context.database.syncRun(id: runID))
            #expect(run.status == .cancelled)
            let networks = try context.database.networks(NetworkFilter(workspaceID: 1), limit: 100)
            #expect(networks.isEmpty)
        }
        try await withAPIServer(transport: .socket, shutdown: .cancel, afterShutdown: rolledBack) { api in
            let integration = try await api.createIntegration()
            api.fake.inject(.tooManyRequests(retryAfterSeconds: 5), at: "/organizations")
            let started = try await api.call("POST", "/v1/integrations/\(integration)/syncs", token: api.owner)
            #expect(started.status == 202)
            let runID = try #require(started.object["run_id"] as? NSNumber).int64Value
            try await api.waitUntilRunning(runID)
            return runID
        }
    }
}
