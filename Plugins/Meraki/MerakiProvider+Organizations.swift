import ProviderKit

extension MerakiProvider {
    /// Every organization the key sees (all pages), narrowed to `organization_ids` when set. Without that
    /// setting, organizations whose API access is off are left out with a warning (Meraki refuses every request
    /// about them); named in it, they fail the call.
    func organizations(_ client: MerakiClient) throws -> [OrganizationRef] {
        var visible: [MerakiOrganization] = []
        try client.getPages("/organizations", query: [("perPage", String(Self.organizationsPerPage))]) { body in
            visible += try MerakiResponse.elements(MerakiOrganization.self, from: body, endpoint: "/organizations")
                .map(\.element)
        }
        guard !visible.isEmpty else {
            throw ProviderKitError(
                .permissionDenied,
                "/organizations: this API key sees no organization; add its administrator to an organization in Dashboard"
            )
        }
        var chosen = visible
        if let wanted = settings.organizationIDs {
            let byID = Dictionary(visible.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            if let missing = wanted.first(where: { byID[$0] == nil }) {
                throw ProviderKitError(
                    .notFound,
                    "organization_ids: organization \(missing) is not visible to this API key; remove it or grant access"
                )
            }
            chosen = wanted.compactMap { byID[$0] }
            // Asked for by name: leaving it out would make a partial listing look complete.
            if let disabled = chosen.first(where: { !$0.isAPIEnabled }) {
                throw ProviderKitError(
                    .permissionDenied,
                    "organization_ids: organization \(disabled.id) (\(disabled.name)) has API access off; "
                        + "enable it in Dashboard (Organization > Settings) or remove it from organization_ids"
                )
            }
        }
        let enabled = chosen.filter(\.isAPIEnabled)
        for organization in chosen where !organization.isAPIEnabled {
            client.call.log(
                .warning,
                "organization \(organization.id) (\(organization.name)): API access is off; enable it in Dashboard to sync it"
            )
        }
        return enabled.enumerated().map { OrganizationRef(index: $0.offset, id: $0.element.id, name: $0.element.name) }
    }

    /// Runs `body` for every organization, a few at a time. One failing stops the others and is reported by id.
    func forEachOrganization(
        _ organizations: [OrganizationRef],
        call: Call,
        _ body: @escaping @Sendable (OrganizationRef) throws -> Void
    ) throws {
        let failures = WorkerPool.forEach(organizations, width: Self.organizationWidth, body)
        guard let (index, error) = failures.first else { return }
        let organization = organizations[index]
        let named = "organization \(organization.id) (\(organization.name))"
        guard let error = error as? ProviderKitError else {
            throw ProviderKitError(.internal, "\(named): \(error)")
        }
        // A stop asked by the host is not the organization's fault; keep the host's status as it is.
        if error.code == .cancelled, call.isCancelled { throw error }
        throw ProviderKitError(error.code, "\(named): \(error.message)")
    }
}
