/// What a plugin says it is, copied out of its C descriptor and checked when it loaded.
package struct ProviderDescriptor: Sendable, Codable, Equatable {
    package var id: String
    package var name: String
    package var version: String
    package var vendor: String
    package var description: String?
    /// "major.minor" of the ABI the plugin was built against, e.g. "1.0".
    package var abi: String
    package var credentialFields: [FieldDescriptor]
    package var settings: [FieldDescriptor]
    package var capabilities: [String]
    /// The egress hosts the plugin declares (plugins.yaml may replace them).
    package var allowedHosts: [String]
    package var rateBudgets: [RateBudgetDescriptor]
    /// Calls on one instance may overlap (PATCHBAY_PROVIDER_CONCURRENT).
    package var isConcurrent: Bool
    /// The extension ids the plugin lists (ABI 1.1 `extensions`); empty when it lists none.
    package var extensions: [String]

    package init(
        id: String,
        name: String,
        version: String,
        vendor: String,
        description: String?,
        abi: String,
        credentialFields: [FieldDescriptor],
        settings: [FieldDescriptor],
        capabilities: [String],
        allowedHosts: [String],
        rateBudgets: [RateBudgetDescriptor],
        isConcurrent: Bool,
        extensions: [String] = []
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.vendor = vendor
        self.description = description
        self.abi = abi
        self.credentialFields = credentialFields
        self.settings = settings
        self.capabilities = capabilities
        self.allowedHosts = allowedHosts
        self.rateBudgets = rateBudgets
        self.isConcurrent = isConcurrent
        self.extensions = extensions
    }

    enum CodingKeys: String, CodingKey {
        case id, name, version, vendor, description, abi, settings, capabilities, extensions
        case credentialFields = "credential_fields"
        case allowedHosts = "allowed_hosts"
        case rateBudgets = "rate_budgets"
        case isConcurrent = "concurrent"
    }
}
