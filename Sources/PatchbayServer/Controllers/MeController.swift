import Hummingbird
import PatchbayCore

/// `GET /v1/me`: who the token belongs to and their workspaces.
struct MeController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("me", use: me)
    }

    @Sendable func me(_ request: Request, context: APIRequestContext) async throws -> Reply<Me> {
        let caller = try context.requireCaller()
        let workspaces = try services.identity.workspaces(caller)
        let isAdmin = try services.installation.isAdmin(caller)
        return Reply(
            Me(
                user: UserSummary(id: caller.userID, name: caller.name),
                workspaces: workspaces,
                installationAdmin: isAdmin
            )
        )
    }

    struct Me: Encodable {
        let user: UserSummary
        let workspaces: [WorkspaceSummary]
        /// Issues other users' tokens, creates workspaces, rotates keys.
        let installationAdmin: Bool

        enum CodingKeys: String, CodingKey {
            case user, workspaces
            case installationAdmin = "installation_admin"
        }
    }
}
