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

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let workspaces = try services.identity.workspaces(try context.requireCaller())
        return JSONResponse.make(["workspaces": workspaces])
    }

    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let body = try await request.decodeBody(CreateWorkspace.self, context: context)
        let workspace = try await services.identity.createWorkspace(caller, name: body.name)
        return JSONResponse.make(workspace, status: .created)
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        let workspace = try services.identity.workspace(try context.requireCaller(), try context.text("workspace"))
        return JSONResponse.make(workspace)
    }

    struct CreateWorkspace: RequestBody {
        static let fields: Set<String> = ["name"]
        let name: String
    }
}
