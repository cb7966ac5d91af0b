import Hummingbird
import PatchbayCore

/// `/v1/workspaces`: the caller's workspaces; creating one makes the caller its owner.
struct WorkspacesController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("workspaces", use: list)
            .post("workspaces", use: create)
            .get("workspaces/{workspace}", use: show)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> [String: [WorkspaceSummary]] {
        let workspaces = try services.identity.workspaces(try context.requireCaller())
        return ["workspaces": workspaces]
    }

    @Sendable func create(
        _ request: Request,
        context: APIRequestContext
    ) async throws -> EditedResponse<Reply<WorkspaceSummary>> {
        let caller = try context.requireCaller()
        let body = try await request.decode(as: CreateWorkspace.self, context: context)
        let workspace = try await services.identity.createWorkspace(caller, name: body.name)
        return EditedResponse(status: .created, response: Reply(workspace))
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Reply<WorkspaceSummary> {
        let workspace = try services.identity.workspace(try context.requireCaller(), try context.text("workspace"))
        return Reply(workspace)
    }

    struct CreateWorkspace: RequestBody {
        static let fields: Set<String> = ["name"]
        let name: String
    }
}
