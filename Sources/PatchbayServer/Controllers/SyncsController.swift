import HTTPTypes
import Hummingbird
import JSONText
import PatchbayCore

/// Syncs: queue one for the workers (202 with its run id), list an integration's runs, read one run, cancel one.
struct SyncsController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.post("integrations/{id}/syncs", use: start)
            .get("integrations/{id}/syncs", use: list)
            .get("syncs/{run}", use: show)
            .delete("syncs/{run}", use: cancel)
    }

    @Sendable func start(_ request: Request, context: APIRequestContext) async throws -> EditedResponse<Reply<Started>>
    {
        let caller = try context.requireCaller()
        let integrationID = try context.identifier("id", of: "integration")
        let run = try await Self.enqueue(caller, integrationID: integrationID, services.provisioning)
        return EditedResponse(
            status: .accepted,
            headers: [.location: "/v1/syncs/\(run.id)"],
            response: Reply(Started(runID: run.id, integrationID: integrationID, status: run.status))
        )
    }

    /// Queues the sync; a conflict names the live run in `error.run_id`.
    private static func enqueue(
        _ caller: Caller,
        integrationID: Int64,
        _ provisioning: ProvisioningService
    ) async throws -> SyncRunSummary {
        do {
            return try await provisioning.enqueue(caller, integrationID: integrationID)
        } catch {
            guard error.code == .conflict else { throw error }
            throw APIError(error, runID: provisioning.liveRun(of: integrationID))
        }
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> JSONBody {
        let limit = try request.integerQuery("limit") ?? 20
        guard (1...100).contains(limit) else {
            throw ServiceError(.invalidArgument, "limit \(limit): out of range; use 1 to 100")
        }
        let (caller, integrationID) = (try context.requireCaller(), try context.identifier("id", of: "integration"))
        let provisioning = services.provisioning
        // Listing may reap an expired lease (a write), so it runs off the cooperative pool.
        let runs = try await onOwnThread {
            try provisioning.runs(caller, integrationID: integrationID, limit: Int(limit))
        }
        return JSONBody(capacity: 512 + runs.count * 384) { json in
            json.beginObject()
            json.key("syncs")
            json.beginArray()
            for run in runs { json.syncRun(run) }
            json.endArray()
            json.endObject()
        }
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> JSONBody {
        let (caller, runID) = (try context.requireCaller(), try context.identifier("run", of: "sync run"))
        let provisioning = services.provisioning
        let run = try await onOwnThread { try provisioning.run(caller, id: runID) }
        return JSONBody { $0.syncRun(run) }
    }

    /// Cancels a queued run at once (200) or asks a running one's owner to stop it (202: it ends `cancelled`
    /// shortly; follow it with GET). A finished run is 409.
    @Sendable func cancel(_ request: Request, context: APIRequestContext) async throws -> JSONBody {
        let run = try await services.provisioning.cancel(
            try context.requireCaller(),
            runID: try context.identifier("run", of: "sync run")
        )
        return JSONBody(status: run.isLive ? .accepted : .ok) { $0.syncRun(run) }
    }

    struct Started: Encodable {
        let runID: Int64
        let integrationID: Int64
        let status: String

        enum CodingKeys: String, CodingKey {
            case status
            case runID = "run_id"
            case integrationID = "integration_id"
        }
    }
}
