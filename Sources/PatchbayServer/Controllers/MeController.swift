import Hummingbird
import PatchbayCore

/// `GET /v1/me`: who the token belongs to and their workspaces.
struct MeController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("me", use: me)
    }

    @Sendable func me(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let workspaces = try services.identity.workspaces(caller)
        return JSONResponse.make(Me(user: UserSummary(id: caller.userID, name: caller.name), workspaces: workspaces))
    }

    struct Me: Encodable {
        let user: UserSummary
        let workspaces: [WorkspaceSummary]
    }
}
