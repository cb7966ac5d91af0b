import HTTPTypes
import Hummingbird
import PatchbayCore

/// Syncs: start one in the background (202 with its run id), list an integration's runs, read one run.
struct SyncsController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.post("integrations/{id}/syncs", use: start)
            .get("integrations/{id}/syncs", use: list)
            .get("syncs/{run}", use: show)
    }

    @Sendable func start(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let integrationID = try context.identifier("id", of: "integration")
        let provisioning = services.provisioning
        let pending = try await Self.startSync(caller, integrationID: integrationID, provisioning)
        if !services.syncRunner.submit(pending) {
            // Shutdown began between admitting and handing over: finish it here, inside this (awaited) request.
            await SyncRunner.complete(pending, provisioning: services.provisioning, logger: context.logger)
        }
        var response = JSONResponse.make(
            Started(runID: pending.runID, integrationID: integrationID, status: "running"),
            status: .accepted
        )
        response.headers[.location] = "/v1/syncs/\(pending.runID)"
        return response
    }

    /// Admits and records the sync; a conflict names the running run in `error.run_id`.
    private static func startSync(
        _ caller: Caller,
        integrationID: Int64,
        _ provisioning: ProvisioningService
    ) async throws -> PendingSync {
        do {
            return try await provisioning.startSync(caller, integrationID: integrationID)
        } catch {
            guard error.code == .conflict else { throw error }
            throw APIError(error, runID: provisioning.runningRun(of: integrationID))
        }
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let limit = try request.integerQuery("limit") ?? 20
        guard (1...100).contains(limit) else {
            throw ServiceError(.invalidArgument, "limit \(limit): out of range; use 1 to 100")
        }
        let runs = try services.provisioning.runs(
            try context.requireCaller(),
            integrationID: try context.identifier("id", of: "integration"),
            limit: Int(limit)
        )
        return JSONResponse.make(["syncs": runs])
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        let run = try services.provisioning.run(
            try context.requireCaller(),
            id: try context.identifier("run", of: "sync run")
        )
        return JSONResponse.make(run)
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
