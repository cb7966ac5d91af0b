import ProviderKit

/// Cisco Meraki through the Dashboard API v1: organizations, their networks, and counts of wireless access points.
struct MerakiProvider: CountingProvider {
    let settings: MerakiSettings
    let baseURL: BaseURL
    let host: ProviderHost

    /// Organizations: the largest page the endpoint allows (3-9000); organization objects are small.
    static let organizationsPerPage = 9000
    /// Networks: the endpoint allows 3-100000, but the host caps a response at 64 MiB and an attempt at 30 s, and a
    /// network with long notes and many tags runs to kilobytes. 1000 (Meraki's own default) keeps a typical page
    /// near 1 MB and fits objects up to 64 KB; a page that is still too large is asked again at half the size.
    static let networksPerPage = 1000
    /// The smallest page Meraki serves.
    static let minimumPerPage = 3
    /// Networks per page handed to the host: keeps each sink buffer small however large Meraki's pages are.
    static let networksPerSinkPage = 1000
    /// Organizations fetched at once; each has its own rate budget at Meraki.
    static let organizationWidth = 8

    init(settings: [String: String], host: ProviderHost) throws {
        self.settings = try MerakiSettings(settings)
        self.baseURL = try BaseURL(self.settings.baseURL)
        self.host = host
    }

    func validate(credentials: Credentials, call: Call) throws -> Validation {
        let client = try client(credentials, call)
        let organizations = try self.organizations(client)
        // The organizations answered, so a 404 here is not about organization_ids: the endpoint is missing.
        let identity = try MerakiResponse.decode(
            MerakiIdentity.self,
            from: client.get(
                "/administered/identities/me",
                notFoundFix: "the key's administrator identity is unknown at this base_url; "
                    + "check that base_url is a Meraki Dashboard API v1 root (e.g. \(MerakiCloud.global.baseURL))"
            ).body,
            endpoint: "/administered/identities/me"
        )
        return Validation(
            account: identity.email ?? identity.name ?? "",
            organizations: organizations.map { Validation.Organization(id: $0.id, name: $0.name) }
        )
    }

    func listNetworks(credentials: Credentials, call: Call, sink: NetworkSink) throws {
        let client = try client(credentials, call)
        let organizations = try self.organizations(client)
        try forEachOrganization(organizations, call: call) { organization in
            try networkPages(of: organization, client) { networks in
                for start in stride(from: 0, to: networks.count, by: Self.networksPerSinkPage) {
                    try sink.send(Array(networks[start..<min(start + Self.networksPerSinkPage, networks.count)]))
                }
            }
        }
    }

    func counts(credentials: Credentials, call: Call) throws -> Counts {
        let client = try client(credentials, call)
        let organizations = try self.organizations(client)
        let results = OrderedResults<Counts.Organization>(count: organizations.count)
        try forEachOrganization(organizations, call: call) { organization in
            results[organization.index] = try counts(of: organization, client)
        }
        return Counts(organizations: results.values)
    }

    private func client(_ credentials: Credentials, _ call: Call) throws(ProviderKitError) -> MerakiClient {
        guard let apiKey = credentials["api_key"], !apiKey.isEmpty else {
            throw ProviderKitError(.invalidArgument, "meraki credentials: api_key is missing; provide the API key")
        }
        return MerakiClient(baseURL: baseURL, apiKey: apiKey, call: call)
    }
}
