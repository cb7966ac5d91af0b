import PluginHost

extension PluginProviderDirectory {
    /// Every plugin of the plugins file, loaded or not.
    package var catalog: [ProviderSummary] {
        registry.plugins.map { status in
            var summary = ProviderSummary(status)
            summary.runtime = ProviderRuntime(status, loaded: status.id.flatMap { registry.provider(id: $0) })
            return summary
        }
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

extension ProviderRuntime {
    init(_ status: PluginStatus, loaded provider: LoadedProvider?) {
        self.init(
            status: status.isLoaded ? "loaded" : status.isEnabled ? "failed" : "disabled",
            abi: status.abi,
            isolation: status.isLoaded ? provider?.isolation.rawValue ?? status.isolation : nil,
            isConcurrent: status.descriptor?.isConcurrent,
            allowedHosts: provider?.allowedHosts ?? status.descriptor?.allowedHosts,
            rateBudgets: status.descriptor?.rateBudgets.map {
                RateBudget(scope: $0.scope, requests: $0.requests, periodMilliseconds: $0.periodMilliseconds)
            }
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
