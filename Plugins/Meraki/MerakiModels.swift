/// `GET /organizations` element: only what the plugin reads.
struct MerakiOrganization: Decodable, Sendable {
    let id: String
    let name: String
    let api: API?

    struct API: Decodable, Sendable {
        let enabled: Bool?
    }

    /// Meraki answers 404 for the organization's endpoints when its API access is off.
    var isAPIEnabled: Bool { api?.enabled ?? true }
}

/// `GET /organizations/{organizationId}/networks` element: the fields the contract names. The whole object is
/// passed on as `raw`.
struct MerakiNetwork: Decodable, Sendable {
    let id: String
    let organizationId: String?
    let name: String
    let productTypes: [String]?
    let tags: [String]?
    let timeZone: String?
    let url: String?
}

/// `GET /organizations/{organizationId}/devices/overview/byModel`: `{"counts": [{"model": "MR46", "total": 5}]}`.
/// The published spec marks `model` and `total` optional: an entry without a total counts nothing.
struct MerakiDevicesByModel: Decodable, Sendable {
    let counts: [Count]

    struct Count: Decodable, Sendable {
        let model: String?
        let total: Int?
    }

    var total: Int { counts.reduce(0) { $0 + ($1.total ?? 0) } }
}

/// `GET /administered/identities/me`: the administrator who owns the API key.
struct MerakiIdentity: Decodable, Sendable {
    let name: String?
    let email: String?
}

/// Meraki's error body: `{"errors": ["Invalid API key"]}`.
struct MerakiErrors: Decodable, Sendable {
    let errors: [String]
}
