import Hummingbird
import PatchbayCore

/// `GET /v1/providers`: every plugin of plugins.yaml, with what a client needs to render an integration form
/// (credential fields and settings), or why it did not load.
struct ProvidersController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("providers", use: list)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> [String: [Provider]] {
        let providers = services.providers.list(try context.requireCaller()).map(Provider.init)
        return ["providers": providers]
    }

    /// A plugin as the API shows it; never its library path (a detail of the server's disk).
    struct Provider: Encodable {
        let id: String?
        let name: String?
        let version: String?
        let vendor: String?
        let description: String?
        let loaded: Bool
        let error: String?
        let credentialFields: [Field]?
        let settings: [Field]?
        let capabilities: [String]?
        /// `loaded`, `failed` or `disabled`.
        let status: String
        let abi: String?
        let isolation: String?
        let concurrent: Bool?
        let allowedHosts: [String]?
        let rateBudgets: [RateBudget]?

        init(_ summary: ProviderSummary) {
            id = summary.id
            name = summary.name
            version = summary.version
            vendor = summary.vendor
            description = summary.description
            loaded = summary.isLoaded
            error = summary.error
            credentialFields = summary.credentialFields?.map(Field.init)
            settings = summary.settings?.map(Field.init)
            capabilities = summary.capabilities
            status = summary.runtime?.status ?? (summary.isLoaded ? "loaded" : "failed")
            abi = summary.runtime?.abi
            isolation = summary.runtime?.isolation
            concurrent = summary.runtime?.isConcurrent
            allowedHosts = summary.runtime?.allowedHosts
            rateBudgets = summary.runtime?.rateBudgets?.map(RateBudget.init)
        }

        enum CodingKeys: String, CodingKey {
            case id, name, version, vendor, description, loaded, error, settings, capabilities, status, abi
            case isolation, concurrent
            case credentialFields = "credential_fields"
            case allowedHosts = "allowed_hosts"
            case rateBudgets = "rate_budgets"
        }
    }

    /// A rate limit the provider declares: `requests` per `period_ms` in one `scope` (e.g. per organization).
    struct RateBudget: Encodable {
        let scope: String
        let requests: Int
        let periodMilliseconds: Int

        init(_ budget: ProviderRuntime.RateBudget) {
            scope = budget.scope
            requests = budget.requests
            periodMilliseconds = budget.periodMilliseconds
        }

        enum CodingKeys: String, CodingKey {
            case scope, requests
            case periodMilliseconds = "period_ms"
        }
    }

    struct Field: Encodable {
        let name: String
        let label: String
        let description: String?
        let defaultValue: String?
        let required: Bool
        let secret: Bool

        init(_ field: ProviderField) {
            name = field.name
            label = field.label
            description = field.description
            defaultValue = field.defaultValue
            required = field.isRequired
            secret = field.isSecret
        }

        enum CodingKeys: String, CodingKey {
            case name, label, description, required, secret
            case defaultValue = "default"
        }
    }
}
