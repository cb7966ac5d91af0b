/// The static description of a provider: turned once into the C descriptor that lives as long as the library.
public struct ProviderDescriptor: Sendable {
    /// `[a-z0-9][a-z0-9-]*`, unique per host, e.g. `meraki`.
    public var id: String
    /// For people, e.g. `Cisco Meraki`.
    public var name: String
    /// Semver 2.0.0 of the plugin.
    public var version: String
    public var vendor: String
    /// One sentence.
    public var summary: String?
    /// The keys of the credentials JSON object.
    public var credentialFields: [Field]
    /// The keys of the settings JSON object; unknown keys are refused.
    public var settings: [Field]
    /// E.g. `networks.list`, `counts.networks`, `counts.access_points`.
    public var capabilities: [String]
    /// Default egress: `api.example.com`, `*.example.com`, `127.0.0.1:8080`.
    public var allowedHosts: [String]
    public var rateBudgets: [RateBudget]
    /// Whether calls on one instance may overlap (PATCHBAY_PROVIDER_CONCURRENT).
    public var isConcurrent: Bool

    public init(
        id: String,
        name: String,
        version: String,
        vendor: String,
        summary: String? = nil,
        credentialFields: [Field] = [],
        settings: [Field] = [],
        capabilities: [String] = [],
        allowedHosts: [String] = [],
        rateBudgets: [RateBudget] = [],
        isConcurrent: Bool = false
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.vendor = vendor
        self.summary = summary
        self.credentialFields = credentialFields
        self.settings = settings
        self.capabilities = capabilities
        self.allowedHosts = allowedHosts
        self.rateBudgets = rateBudgets
        self.isConcurrent = isConcurrent
    }
}

/// A credential field or a setting.
public struct Field: Sendable {
    /// JSON key, `[a-z0-9_]+`, e.g. `api_key`.
    public var name: String
    public var label: String
    public var summary: String?
    /// Settings only.
    public var defaultValue: String?
    /// Must be present and non-empty.
    public var isRequired: Bool
    /// Never displayed, logged or stored in plaintext.
    public var isSecret: Bool

    public init(
        name: String,
        label: String,
        summary: String? = nil,
        defaultValue: String? = nil,
        isRequired: Bool = false,
        isSecret: Bool = false
    ) {
        self.name = name
        self.label = label
        self.summary = summary
        self.defaultValue = defaultValue
        self.isRequired = isRequired
        self.isSecret = isSecret
    }
}

/// `requests` per `periodMilliseconds`, counted per provider, per request scope key or per credential set.
public struct RateBudget: Sendable {
    public enum Scope: String, Sendable {
        /// Every request of this plugin.
        case provider
        /// Per `HTTPRequest.rateScopeKey`, e.g. per organization.
        case scope
        /// Per credential set, e.g. per API key.
        case credential
    }

    public var scope: Scope
    public var requests: UInt32
    public var periodMilliseconds: UInt32

    public init(scope: Scope, requests: UInt32, periodMilliseconds: UInt32) {
        self.scope = scope
        self.requests = requests
        self.periodMilliseconds = periodMilliseconds
    }
}
