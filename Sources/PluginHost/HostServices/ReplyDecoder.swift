/// Decodes the JSON a plugin returns into Swift values; anything malformed is an INTERNAL error naming the plugin.
///
/// The one way a reply is read: the bytes are checked as UTF-8 and parsed whole by `JSONParser` (so a syntax error
/// anywhere wins over a problem with the content), and the members the host needs are taken from the tree (the first
/// of a repeated name counts; other members are ignored).
package struct ReplyDecoder: Sendable {
    let providerID: String

    package init(providerID: String) {
        self.providerID = providerID
    }

    package func validation(_ bytes: [UInt8]) throws(ProviderError) -> ProviderValidation {
        let what = "validate result"
        let object = try self.object(bytes, what)
        let items = try list(object["organizations"], "\(what).organizations")
        var organizations: [ProviderValidation.Organization] = []
        organizations.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let id = item["id"]?.string, let name = item["name"]?.string else {
                throw malformed("\(what).organizations[\(index)] needs string \"id\" and \"name\"")
            }
            organizations.append(ProviderValidation.Organization(id: id, name: name))
        }
        return ProviderValidation(account: object["account"]?.string, organizations: organizations)
    }

    package func counts(_ bytes: [UInt8]) throws(ProviderError) -> ProviderCounts {
        let object = try self.object(bytes, "counts result")
        let items = try list(object["organizations"], "counts result.organizations")
        var organizations: [ProviderCounts.Organization] = []
        organizations.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let id = item["id"]?.string else {
                throw malformed("counts result.organizations[\(index)] needs a string \"id\"")
            }
            organizations.append(
                ProviderCounts.Organization(
                    id: id,
                    networks: try count(item["networks"], "organizations[\(index)].networks"),
                    accessPoints: try count(item["access_points"], "organizations[\(index)].access_points")
                )
            )
        }
        return ProviderCounts(
            networks: try count(object["networks"], "networks"),
            accessPoints: try count(object["access_points"], "access_points"),
            organizations: organizations
        )
    }

    package func page(_ bytes: [UInt8]) throws(ProviderError) -> [ProviderNetwork] {
        let object = try self.object(bytes, "page")
        guard let networks = object["networks"]?.array else { throw malformed("page has no \"networks\" list") }
        var result: [ProviderNetwork] = []
        result.reserveCapacity(networks.count)
        for (index, network) in networks.enumerated() {
            guard network.isObject else { throw malformed("page networks[\(index)] is not an object") }
            result.append(try self.network(network, index))
        }
        return result
    }

    private func network(_ object: JSONValue, _ index: Int) throws(ProviderError) -> ProviderNetwork {
        guard let externalID = object["external_id"]?.string, let name = object["name"]?.string,
            let organizationID = object["organization_id"]?.string
        else { throw malformed("networks[\(index)] needs string \"external_id\", \"name\" and \"organization_id\"") }
        guard let raw = object["raw"], raw.isObject else {
            throw malformed("networks[\(index)] (\(externalID)) has no \"raw\" object")
        }
        return ProviderNetwork(
            externalID: externalID,
            name: name,
            organizationID: organizationID,
            productTypes: object["product_types"]?.strings ?? [],
            tags: object["tags"]?.strings ?? [],
            timeZone: object["time_zone"]?.string,
            url: object["url"]?.string,
            raw: raw.canonicalText
        )
    }

    private func object(_ bytes: [UInt8], _ what: String) throws(ProviderError) -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            if error.isInvalidUTF8 { throw malformed("\(what) is not valid UTF-8") }
            throw malformed("\(what) is not JSON (\(error.reason) at byte \(error.offset))")
        }
        guard value.isObject else { throw malformed("\(what) is not a JSON object") }
        return value
    }

    private func list(_ value: JSONValue?, _ what: String) throws(ProviderError) -> [JSONValue] {
        guard let value else { return [] }
        guard let list = value.array else { throw malformed("\(what) is not a list") }
        return list
    }

    private func count(_ value: JSONValue?, _ what: String) throws(ProviderError) -> Int {
        guard let count = value?.integer, count >= 0 else {
            throw malformed("counts \(what) is not a non-negative integer")
        }
        return count
    }

    private func malformed(_ detail: String) -> ProviderError {
        ProviderError(providerID: providerID, status: .internal, message: "malformed answer: \(detail); fix the plugin")
    }
}
