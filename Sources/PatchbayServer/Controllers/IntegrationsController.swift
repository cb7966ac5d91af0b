import Hummingbird
import JSONText
import PatchbayCore

/// Integrations: a workspace's provider accounts. Credentials go in and never come out.
struct IntegrationsController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.post("workspaces/{workspace}/integrations", use: create)
            .get("workspaces/{workspace}/integrations", use: list)
            .get("integrations/{id}", use: show)
            .patch("integrations/{id}", use: update)
            .delete("integrations/{id}", use: delete)
    }

    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> JSONBody {
        let caller = try context.requireCaller()
        let workspace = try context.text("workspace")
        let body = try await request.decode(as: CreateIntegration.self, context: context)
        let integration = try await services.integrations.create(
            caller,
            workspace: workspace,
            provider: body.provider,
            name: body.name,
            credentials: body.credentials,
            settings: body.settings ?? [:],
            validate: body.validate ?? true,
            syncIntervalSeconds: body.syncIntervalSeconds
        )
        return JSONBody(status: .created) { $0.integration(integration) }
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> JSONBody {
        let caller = try context.requireCaller()
        let integrations = try await services.integrations.list(
            caller,
            workspace: try context.text("workspace"),
            withCounts: try request.booleanQuery("counts") ?? true,
            refresh: try request.booleanQuery("refresh") ?? false
        )
        return JSONBody(capacity: 512 + integrations.count * 512) { json in
            json.beginObject()
            json.key("integrations")
            json.beginArray()
            for integration in integrations { json.integration(integration) }
            json.endArray()
            json.endObject()
        }
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> JSONBody {
        let integration = try services.integrations.get(
            try context.requireCaller(),
            id: try context.identifier("id", of: "integration")
        )
        return JSONBody { $0.integration(integration) }
    }

    @Sendable func update(_ request: Request, context: APIRequestContext) async throws -> JSONBody {
        let (caller, id) = (try context.requireCaller(), try context.identifier("id", of: "integration"))
        let body = try await request.decode(as: UpdateIntegration.self, context: context)
        let integration = try await services.integrations.update(caller, id: id, body.changes)
        return JSONBody { $0.integration(integration) }
    }

    @Sendable func delete(_ request: Request, context: APIRequestContext) async throws -> HTTPResponse.Status {
        let (caller, id) = (try context.requireCaller(), try context.identifier("id", of: "integration"))
        try await services.integrations.delete(caller, id: id)
        return .noContent
    }

    struct CreateIntegration: RequestBody {
        static let fields: Set<String> = [
            "provider", "name", "credentials", "settings", "validate", "sync_interval_seconds",
        ]
        let provider: String
        let name: String
        let credentials: [String: String]
        let settings: [String: String]?
        let validate: Bool?
        let syncIntervalSeconds: Int?

        enum CodingKeys: String, CodingKey {
            case provider, name, credentials, settings, validate
            case syncIntervalSeconds = "sync_interval_seconds"
        }
    }

    /// `PATCH /v1/integrations/{id}`: absent fields stay; `"sync_interval_seconds": null` turns schedules off;
    /// `settings` are merged over the current ones (an empty string removes one).
    struct UpdateIntegration: RequestBody {
        static let fields: Set<String> = ["name", "sync_interval_seconds", "settings"]
        let changes: IntegrationChanges

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            var changes = IntegrationChanges()
            changes.name = try container.decodeIfPresent(String.self, forKey: .name)
            changes.settings = try container.decodeIfPresent([String: String].self, forKey: .settings)
            if container.contains(.syncIntervalSeconds) {
                changes.syncInterval =
                    try container.decodeNil(forKey: .syncIntervalSeconds)
                    ? .off : .every(seconds: try container.decode(Int.self, forKey: .syncIntervalSeconds))
            }
            self.changes = changes
        }

        enum CodingKeys: String, CodingKey {
            case name, settings
            case syncIntervalSeconds = "sync_interval_seconds"
        }
    }
}
