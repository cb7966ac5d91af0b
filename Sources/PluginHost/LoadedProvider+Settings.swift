import Foundation

extension LoadedProvider {
    /// Refuses overrides that are not declared settings, or whose URL host is outside `allowedHosts`.
    package func checkSettings(_ overrides: [String: String]) throws(ProviderError) {
        if let message = Self.settingsProblem(overrides, descriptor: descriptor, allowedHosts: allowedHosts) {
            throw ProviderError(providerID: id, status: .invalidArgument, message: message)
        }
    }

    /// plugins.yaml's settings with `overrides` on top.
    func effectiveSettings(_ overrides: [String: String]) throws(ProviderError) -> [String: String] {
        if overrides.isEmpty { return settings }
        try checkSettings(overrides)
        return settings.merging(overrides) { _, override in override }
    }

    /// Why `values` are not acceptable settings for the plugin, or nil. Shared with the loader for plugins.yaml.
    static func settingsProblem(
        _ values: [String: String],
        descriptor: ProviderDescriptor,
        allowedHosts: [String]
    ) -> String? {
        let declared = descriptor.settings.map(\.name)
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard declared.contains(name) else {
                let known = declared.isEmpty ? "it declares none" : "declared: \(declared.joined(separator: ", "))"
                return "setting '\(name)' is not a setting of provider '\(descriptor.id)' (\(known)); remove it"
            }
            guard let url = URL(string: value), let scheme = url.scheme?.lowercased(),
                ["http", "https"].contains(scheme),
                let host = url.host
            else { continue }
            if !AllowedHosts(allowedHosts).allows(host: host, port: url.port) {
                let target = url.port.map { "\(host):\($0)" } ?? host
                return "setting '\(name)' points at \(target), outside the allowed hosts "
                    + "(\(allowedHosts.joined(separator: ", "))); add it to allowed_hosts in plugins.yaml"
            }
        }
        return nil
    }
}
