import Hummingbird
import JSONText
import PatchbayCore

/// Networks: a workspace's synced networks, filtered and paged by cursor, and one network.
struct NetworksController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("workspaces/{workspace}/networks", use: list)
            .get("networks/{id}", use: show)
            .get("workspaces/{workspace}/organizations", use: organizations)
    }

    @Sendable func organizations(
        _ request: Request,
        context: APIRequestContext
    ) async throws -> [String: [NetworkOrganization]] {
        let organizations = try services.networks.organizations(
            try context.requireCaller(),
            workspace: try context.text("workspace")
        )
        return ["organizations": organizations]
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> JSONBody {
        let caller = try context.requireCaller()
        let limit = try request.integerQuery("limit") ?? 100
        let query = request.uri.queryParameters
        let page = try services.networks.search(
            caller,
            workspace: try context.text("workspace"),
            query: NetworkQuery(
                integrationID: try request.integerQuery("integration"),
                status: query.get("status"),
                organizationID: query.get("organization"),
                nameContains: query.get("q")
            ),
            sort: try query.get("sort").map { text throws(ServiceError) in try NetworkSort(parsing: text) }
                ?? NetworkSort(),
            after: try request.integerQuery("after"),
            limit: Int(clamping: limit)
        )
        return JSONBody(capacity: 1024 + page.networks.count * 1024) { json in
            json.beginObject()
            json.key("networks")
            json.beginArray()
            for network in page.networks { json.network(network) }
            json.endArray()
            json.key("next_cursor")
            json.integer(page.nextCursor)
            json.endObject()
        }
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> JSONBody {
        let network = try services.networks.get(
            try context.requireCaller(),
            id: try context.identifier("id", of: "network")
        )
        return JSONBody { $0.network(network) }
    }
}
