import ProviderKit

/// The settings of one Meraki instance, checked once at create.
struct MerakiSettings: Sendable, Equatable {
    /// The API root without a trailing slash, e.g. `https://api.meraki.com/api/v1`.
    let baseURL: String
    /// Organizations to use, in the order given; nil uses every visible one.
    let organizationIDs: [String]?

    init(_ settings: [String: String]) throws(ProviderKitError) {
        let given = settings["base_url", default: ""].trimmingCharacters(in: " ")
        var baseURL = given.isEmpty ? MerakiCloud.global.baseURL : given
        if let regionName = settings["region"]?.trimmingCharacters(in: " "), !regionName.isEmpty {
            guard let region = MerakiCloud.named(regionName) else {
                throw ProviderKitError(
                    .invalidArgument,
                    "meraki settings: unknown region '\(regionName)'; use one of \(MerakiCloud.names), or set base_url"
                )
            }
            guard baseURL == MerakiCloud.global.baseURL || baseURL == region.baseURL else {
                throw ProviderKitError(
                    .invalidArgument,
                    "meraki settings: region '\(region.name)' and base_url \(baseURL) disagree; set only one of them"
                )
            }
            baseURL = region.baseURL
        }
        while baseURL.hasSuffix("/") { baseURL.removeLast() }
        guard let parts = URLParts(baseURL), !parts.rest.contains("?"), !parts.rest.contains("#") else {
            throw ProviderKitError(
                .invalidArgument,
                "meraki settings: base_url '\(baseURL)' is not an absolute http(s) URL; use e.g. \(MerakiCloud.global.baseURL)"
            )
        }
        self.baseURL = baseURL
        let ids = settings["organization_ids", default: ""].split(separator: ",")
            .map { $0.trimmingCharacters(in: " ") }
            .filter { !$0.isEmpty }
        organizationIDs = ids.isEmpty ? nil : ids
    }
}

extension StringProtocol {
    /// The string without leading and trailing `character`s (and tabs).
    func trimmingCharacters(in character: Character) -> String {
        let isPadding: (Character) -> Bool = { $0 == character || $0 == "\t" }
        guard let first = firstIndex(where: { !isPadding($0) }), let last = lastIndex(where: { !isPadding($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
