import Hummingbird
import PatchbayCore

/// `/v1/workspaces/{workspace}/members`: who belongs to a workspace and with which role (admins), and adding a
/// user (created when new) with a role.
struct MembersController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("workspaces/{workspace}/members", use: list)
            .post("workspaces/{workspace}/members", use: add)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> [String: [MemberSummary]] {
        let members = try services.identity.members(
            try context.requireCaller(),
            workspace: try context.text("workspace")
        )
        return ["members": members]
    }

    @Sendable func add(
        _ request: Request,
        context: APIRequestContext
    ) async throws -> EditedResponse<Reply<MemberSummary>> {
        let caller = try context.requireCaller()
        let workspace = try context.text("workspace")
        let body = try await request.decode(as: AddMember.self, context: context)
        guard let role = Role(rawValue: body.role) else {
            throw ServiceError(.invalidArgument, "role '\(body.role)': unknown; use viewer, member, admin or owner")
        }
        let user = try await services.identity.addUser(caller, name: body.name, workspace: workspace, role: role)
        return EditedResponse(
            status: .created,
            response: Reply(MemberSummary(id: user.id, name: user.name, role: role))
        )
    }

    struct AddMember: RequestBody {
        static let fields: Set<String> = ["name", "role"]
        let name: String
        let role: String
    }
}
