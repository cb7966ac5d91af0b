import Hummingbird
import PatchbayCore

/// Networks: a workspace's synced networks, filtered and paged by cursor, and one network.
struct NetworksController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("workspaces/{workspace}/networks", use: list)
            .get("networks/{id}", use: show)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let limit = try request.integerQuery("limit") ?? 100
        let page = try services.networks.list(
            caller,
            workspace: try context.text("workspace"),
            integrationID: try request.integerQuery("integration"),
            status: request.uri.queryParameters.get("status"),
            after: try request.integerQuery("after"),
            limit: Int(clamping: limit)
        )
        var json = JSONWriter(capacity: 1024 + page.networks.count * 1024)
        json.beginObject()
        json.key("networks")
        json.beginArray()
        for network in page.networks { json.network(network) }
        json.endArray()
        json.key("next_cursor")
        if let cursor = page.nextCursor { json.integer(cursor) } else { json.null() }
        json.endObject()
        return JSONResponse.bytes(json.bytes)
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        let network = try services.networks.get(
            try context.requireCaller(),
            id: try context.identifier("id", of: "network")
        )
        var json = JSONWriter()
        json.network(network)
        return JSONResponse.bytes(json.bytes)
    }
}
