import PluginHost

extension PluginProviderDirectory {
    /// Every plugin of the plugins file, loaded or not.
    package var catalog: [ProviderSummary] {
        registry.plugins.map(ProviderSummary.init)
    }
}

extension ProviderSummary {
    init(_ status: PluginStatus) {
        self.init(
            id: status.id,
            name: status.name ?? status.descriptor?.name,
            version: status.version ?? status.descriptor?.version,
            vendor: status.vendor ?? status.descriptor?.vendor,
            description: status.descriptor?.description,
            isLoaded: status.isLoaded,
            error: status.error,
            credentialFields: status.descriptor?.credentialFields.map(ProviderField.init),
            settings: status.descriptor?.settings.map(ProviderField.init),
            capabilities: status.descriptor?.capabilities
        )
    }
}

extension ProviderField {
    init(_ field: FieldDescriptor) {
        self.init(
            name: field.name,
            label: field.label,
            description: field.description,
            defaultValue: field.defaultValue,
            isRequired: field.isRequired,
            isSecret: field.isSecret
        )
    }
}
