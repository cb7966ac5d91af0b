import ProviderKit

extension MerakiProvider {
    static let descriptor = ProviderDescriptor(
        id: "meraki",
        name: "Cisco Meraki",
        version: "0.1.0",
        vendor: "Patchbay",
        summary: "Networks and access points of the Meraki Dashboard API v1.",
        credentialFields: [
            Field(
                name: "api_key",
                label: "API key",
                summary: "A Dashboard API key, sent as a bearer token.",
                isRequired: true,
                isSecret: true
            )
        ],
        settings: [
            Field(
                name: "base_url",
                label: "Base URL",
                summary: "The API root, e.g. http://127.0.0.1:8080/api/v1 for a local fake.",
                defaultValue: MerakiCloud.global.baseURL
            ),
            Field(
                name: "region",
                label: "Region",
                summary: "A Meraki cloud by name instead of base_url: \(MerakiCloud.names)."
            ),
            Field(
                name: "organization_ids",
                label: "Organization IDs",
                summary: "Comma-separated organizations to use; all visible ones when empty."
            ),
        ],
        capabilities: ["networks.list", "counts.networks", "counts.access_points"],
        allowedHosts: MerakiCloud.all.flatMap(\.allowedHosts),
        rateBudgets: [
            // Meraki: 10 requests per second per organization, 100 per second per source IP address.
            RateBudget(scope: .scope, requests: 10, periodMilliseconds: 1000),
            RateBudget(scope: .provider, requests: 100, periodMilliseconds: 1000),
        ],
        // Instances hold only immutable settings and a locked shard cache, so calls may overlap.
        isConcurrent: true
    )
}
