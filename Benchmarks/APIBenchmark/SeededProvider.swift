import PatchbayCore

/// A provider that lists `count` made-up networks in pages of 1,000, so the benchmark seeds through the core's own
/// sync path without a network or a plugin.
struct SeededProvider: NetworkProvider, ProviderDirectory {
    let count: Int

    var id: String { "seeded" }
    var credentialFields: [CredentialField] { [CredentialField(name: "api_key", isRequired: true, isSecret: true)] }
    var supportsCounts: Bool { false }
    var catalog: [ProviderSummary] { [ProviderSummary(self)] }

    func provider(id: String) -> (any NetworkProvider)? { id == self.id ? self : nil }

    func checkSettings(_ settings: [String: String]) throws(ServiceError) {}

    func validate(credentials: [String: String], settings: [String: String]) async throws(ServiceError) {}

    func listNetworks(
        credentials: [String: String],
        settings: [String: String],
        onPage: @escaping @Sendable ([UpstreamNetwork]) throws -> Void
    ) async throws(ServiceError) {
        for start in stride(from: 0, to: count, by: 1000) {
            let page = (start..<min(start + 1000, count)).map { index in
                // About the size of a real Meraki network object.
                let id = "N_\(100_000 + index)"
                let raw =
                    #"{"enrollmentString":null,"id":"\#(id)","isBoundToConfigTemplate":false,"name":"Site \#(index)","notes":"","organizationId":"100001","productTypes":["appliance","switch","wireless"],"tags":["bench"],"timeZone":"Europe/Amsterdam","url":"https://n1.meraki.com/Site-\#(index)/n/\#(id)/manage/usage/list"}"#
                return UpstreamNetwork(externalID: id, name: "Site \(index)", organizationID: "100001", raw: raw)
            }
            do {
                try onPage(page)
            } catch {
                throw ServiceError(.cancelled, "seeded: \(error)")
            }
        }
    }

    func counts(credentials: [String: String], settings: [String: String]) async throws(ServiceError) -> NetworkCounts {
        NetworkCounts(networks: count, accessPoints: 0)
    }
}
