import PluginHost

/// One plugin as `plugins inspect` prints it: the descriptor plus its configuration in plugins.yaml.
struct PluginsInspectDetails: Encodable {
    var path: String
    var status: String
    var error: String?
    var descriptor: ProviderDescriptor?
    /// The effective egress allow-list (plugins.yaml's, else the plugin's own); nil when the plugin did not load.
    var effectiveAllowedHosts: [String]?
    /// The settings plugins.yaml gives it; secret settings are redacted.
    var configuredSettings: [String: String]?

    init(_ plugin: PluginStatus, provider: LoadedProvider?) {
        path = plugin.path
        status = plugin.isLoaded ? "loaded" : plugin.isEnabled ? "failed" : "disabled"
        error = plugin.error
        descriptor = plugin.descriptor
        effectiveAllowedHosts = provider?.allowedHosts
        configuredSettings = provider.map { provider in
            let secret = Set(provider.descriptor.settings.filter(\.isSecret).map(\.name))
            return provider.settings.reduce(into: [:]) { result, setting in
                result[setting.key] = secret.contains(setting.key) ? "<redacted>" : setting.value
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case path, status, error, descriptor
        case effectiveAllowedHosts = "effective_allowed_hosts"
        case configuredSettings = "configured_settings"
    }
}
