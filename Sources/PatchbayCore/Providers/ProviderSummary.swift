/// A provider of this process as a client sees it: what an integration form needs (credential fields, settings),
/// or why its plugin did not load. Never its library path, a detail of the server's disk.
package struct ProviderSummary: Sendable, Equatable {
    package var id: String?
    package var name: String?
    package var version: String?
    package var vendor: String?
    package var description: String?
    package var isLoaded: Bool
    /// Why the plugin did not load; nil when it did.
    package var error: String?
    package var credentialFields: [ProviderField]?
    package var settings: [ProviderField]?
    package var capabilities: [String]?
    /// How it runs on this host; nil for providers that are not plugins (test doubles).
    package var runtime: ProviderRuntime?

    package init(
        id: String?,
        name: String? = nil,
        version: String? = nil,
        vendor: String? = nil,
        description: String? = nil,
        isLoaded: Bool,
        error: String? = nil,
        credentialFields: [ProviderField]? = nil,
        settings: [ProviderField]? = nil,
        capabilities: [String]? = nil
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.vendor = vendor
        self.description = description
        self.isLoaded = isLoaded
        self.error = error
        self.credentialFields = credentialFields
        self.settings = settings
        self.capabilities = capabilities
    }
}

/// A credential field or setting a provider declares, with what a form shows for it.
package struct ProviderField: Sendable, Equatable {
    package var name: String
    package var label: String
    package var description: String?
    package var defaultValue: String?
    package var isRequired: Bool
    package var isSecret: Bool

    package init(
        name: String,
        label: String,
        description: String? = nil,
        defaultValue: String? = nil,
        isRequired: Bool,
        isSecret: Bool
    ) {
        self.name = name
        self.label = label
        self.description = description
        self.defaultValue = defaultValue
        self.isRequired = isRequired
        self.isSecret = isSecret
    }
}

extension ProviderSummary {
    /// A loaded provider as far as the core's port describes it: id and credential fields.
    package init(_ provider: any NetworkProvider) {
        self.init(
            id: provider.id,
            isLoaded: true,
            credentialFields: provider.credentialFields.map {
                ProviderField(name: $0.name, label: $0.name, isRequired: $0.isRequired, isSecret: $0.isSecret)
            }
        )
    }
}
