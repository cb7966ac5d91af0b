package import PluginHost

/// The production `ProviderDirectory`: the plugins loaded from plugins.yaml.
package struct PluginProviderDirectory: ProviderDirectory {
    let registry: ProviderRegistry

    package init(registry: ProviderRegistry) {
        self.registry = registry
    }

    package func provider(id: String) -> (any NetworkProvider)? {
        registry.provider(id: id).map(PluginNetworkProvider.init)
    }
}

/// A loaded plugin seen through the core's `NetworkProvider` port.
struct PluginNetworkProvider: NetworkProvider {
    let plugin: LoadedProvider

    var id: String { plugin.id }
    var supportsCounts: Bool { plugin.supportsCounts }

    var credentialFields: [CredentialField] {
        plugin.descriptor.credentialFields.map {
            CredentialField(name: $0.name, isRequired: $0.isRequired, isSecret: $0.isSecret)
        }
    }

    func checkSettings(_ settings: [String: String]) throws(ServiceError) {
        do { try plugin.checkSettings(settings) } catch { throw ServiceError(error, settingsCheck: true) }
    }

    func validate(credentials: [String: String], settings: [String: String]) async throws(ServiceError) {
        do {
            _ = try await plugin.validate(credentials: ProviderCredentials(fields: credentials), settings: settings)
        } catch {
            throw ServiceError(error)
        }
    }

    func check(
        credentials: [String: String],
        settings: [String: String]
    ) async throws(ServiceError) -> CredentialCheck {
        do {
            let validation = try await plugin.validate(
                credentials: ProviderCredentials(fields: credentials),
                settings: settings
            )
            return CredentialCheck(
                account: validation.account,
                organizations: validation.organizations.map { .init(id: $0.id, name: $0.name) }
            )
        } catch {
            throw ServiceError(error)
        }
    }

    func listNetworks(
        credentials: [String: String],
        settings: [String: String],
        onPage: @escaping @Sendable ([UpstreamNetwork]) throws -> Void
    ) async throws(ServiceError) {
        do {
            try await plugin.listNetworks(credentials: ProviderCredentials(fields: credentials), settings: settings) {
                page in
                try onPage(
                    page.map {
                        UpstreamNetwork(
                            externalID: $0.externalID,
                            name: $0.name,
                            organizationID: $0.organizationID,
                            raw: $0.raw
                        )
                    }
                )
            }
        } catch {
            throw ServiceError(error)
        }
    }

    func counts(credentials: [String: String], settings: [String: String]) async throws(ServiceError) -> NetworkCounts {
        do {
            let counts = try await plugin.counts(
                credentials: ProviderCredentials(fields: credentials),
                settings: settings
            )
            return NetworkCounts(networks: counts.networks, accessPoints: counts.accessPoints)
        } catch {
            throw ServiceError(error)
        }
    }
}

extension ServiceError {
    /// A provider's status, seen from the core: the provider refusing the credentials is a precondition the
    /// caller must fix (the key), not the caller's own authentication failing.
    init(_ error: ProviderError, settingsCheck: Bool = false) {
        let code: Code =
            switch error.status {
            case .ok, .internal: settingsCheck ? .invalidArgument : .unavailable
            case .invalidArgument: .invalidArgument
            case .unauthenticated, .permissionDenied, .notFound: settingsCheck ? .invalidArgument : .failedPrecondition
            case .rateLimited: .rateLimited
            case .unavailable: .unavailable
            case .cancelled: .cancelled
            }
        self.init(code, "provider \(error.providerID): \(error.message)")
    }
}
