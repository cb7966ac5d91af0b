import Hummingbird
import PluginHost

/// `GET /v1/providers`: every plugin of plugins.yaml, with what a client needs to render an integration form
/// (credential fields and settings), or why it did not load.
struct ProvidersController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("providers", use: list)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.requireCaller()
        let registry = services.registry
        let providers = (registry?.plugins ?? []).map { status in
            Provider(status, loaded: status.id.flatMap { registry?.provider(id: $0) })
        }
        return JSONResponse.make(["providers": providers])
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
        /// Where the plugin's code runs. The loader refuses every mode but `in-process` today
        /// (`PluginLoadError.isolationNotSupported`), so a loaded plugin runs in the server's process.
        let isolation: String?
        let concurrent: Bool?
        /// The effective egress allow-list: plugins.yaml's, else the plugin's own.
        let allowedHosts: [String]?
        let rateBudgets: [RateBudget]?

        init(_ status: PluginStatus, loaded provider: LoadedProvider?) {
            id = status.id
            name = status.name ?? status.descriptor?.name
            version = status.version ?? status.descriptor?.version
            vendor = status.vendor ?? status.descriptor?.vendor
            description = status.descriptor?.description
            loaded = status.isLoaded
            error = status.error
            credentialFields = status.descriptor?.credentialFields.map(Field.init)
            settings = status.descriptor?.settings.map(Field.init)
            capabilities = status.descriptor?.capabilities
            self.status = status.isLoaded ? "loaded" : status.isEnabled ? "failed" : "disabled"
            abi = status.abi
            isolation = status.isLoaded ? "in-process" : nil
            concurrent = status.descriptor?.isConcurrent
            allowedHosts = provider?.allowedHosts ?? status.descriptor?.allowedHosts
            rateBudgets = status.descriptor?.rateBudgets.map(RateBudget.init)
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

        init(_ budget: RateBudgetDescriptor) {
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

        init(_ field: FieldDescriptor) {
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
