import Hummingbird
import PatchbayCore

/// What a client asks before or beside the integration list: one integration's counts (so each row of a list
/// loads on its own) and a credentials check that stores nothing.
struct IntegrationChecksController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("integrations/{id}/counts", use: counts)
            .post("workspaces/{workspace}/integrations/validate", use: validate)
    }

    @Sendable func counts(_ request: Request, context: APIRequestContext) async throws -> JSONBody {
        let integration = try await services.integrations.counts(
            try context.requireCaller(),
            id: try context.identifier("id", of: "integration"),
            refresh: try request.booleanQuery("refresh") ?? false
        )
        return JSONBody { $0.integration(integration) }
    }

    @Sendable func validate(_ request: Request, context: APIRequestContext) async throws -> Reply<CredentialCheck> {
        let caller = try context.requireCaller()
        let workspace = try context.text("workspace")
        let body = try await request.decode(as: Check.self, context: context)
        let check = try await services.integrations.check(
            caller,
            workspace: workspace,
            provider: body.provider,
            credentials: body.credentials,
            settings: body.settings ?? [:]
        )
        return Reply(check)
    }

    struct Check: RequestBody {
        static let fields: Set<String> = ["provider", "credentials", "settings"]
        let provider: String
        let credentials: [String: String]
        let settings: [String: String]?
    }
}
