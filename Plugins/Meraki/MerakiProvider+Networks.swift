import ProviderKit

extension MerakiProvider {
    /// Every network of one organization, page by page, each page converted as it arrives.
    func networkPages(
        of organization: OrganizationRef,
        _ client: MerakiClient,
        _ body: ([Network]) throws -> Void
    ) throws {
        let path = "/organizations/\(organization.id)/networks"
        try client.getPages(path, query: [("perPage", String(Self.networksPerPage))], organization: organization.id) {
            page in
            let networks = try MerakiResponse.elements(MerakiNetwork.self, from: page, endpoint: path).map {
                network,
                raw in
                Network(
                    externalID: network.id,
                    name: network.name,
                    organizationID: network.organizationId ?? organization.id,
                    productTypes: network.productTypes ?? [],
                    tags: network.tags ?? [],
                    timeZone: network.timeZone,
                    url: network.url,
                    raw: RawJSON(bytes: raw)
                )
            }
            try client.call.checkCancellation()
            try body(networks)
        }
    }

    /// One organization's networks (counted while paging: Meraki has no count endpoint for networks) and wireless access points (one devices-overview-by-model request filtered to wireless).
    func counts(of organization: OrganizationRef, _ client: MerakiClient) throws -> Counts.Organization {
        let networksPath = "/organizations/\(organization.id)/networks"
        var networks = 0
        try client.getPages(
            networksPath,
            query: [("perPage", String(Self.networksPerPage))],
            organization: organization.id
        ) { page in
            do {
                networks += try JSONArray.elements(of: page).count
            } catch let error as JSONArray.Malformed {
                throw MerakiResponse.malformed(endpoint: networksPath, detail: error.description)
            }
        }
        let modelsPath = "/organizations/\(organization.id)/devices/overview/byModel"
        let response = try client.get(
            modelsPath,
            query: [("productTypes[]", "wireless")],
            organization: organization.id
        )
        let byModel = try MerakiResponse.decode(MerakiDevicesByModel.self, from: response.body, endpoint: modelsPath)
        return Counts.Organization(
            id: organization.id,
            networks: networks,
            accessPoints: byModel.total
        )
    }
}
