import Foundation

/// Decodes the JSON a plugin returns into Swift values; anything malformed is an INTERNAL error naming the plugin.
struct ReplyDecoder: Sendable {
    let providerID: String

    func validation(_ bytes: [UInt8]) throws(ProviderError) -> ProviderValidation {
        let object = try self.object(bytes, "validate result")
        let account = object["account"] as? String
        var organizations: [ProviderValidation.Organization] = []
        for (index, item) in try list(object["organizations"], "validate result.organizations").enumerated() {
            guard let item = item as? [String: Any], let id = item["id"] as? String, let name = item["name"] as? String
            else { throw malformed("validate result.organizations[\(index)] needs string \"id\" and \"name\"") }
            organizations.append(ProviderValidation.Organization(id: id, name: name))
        }
        return ProviderValidation(account: account, organizations: organizations)
    }

    func counts(_ bytes: [UInt8]) throws(ProviderError) -> ProviderCounts {
        let object = try self.object(bytes, "counts result")
        var organizations: [ProviderCounts.Organization] = []
        for (index, item) in try list(object["organizations"], "counts result.organizations").enumerated() {
            guard let item = item as? [String: Any], let id = item["id"] as? String else {
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

    func page(_ bytes: [UInt8]) throws(ProviderError) -> [ProviderNetwork] {
        let object = try self.object(bytes, "page")
        guard let networks = object["networks"] as? [Any] else { throw malformed("page has no \"networks\" list") }
        var result: [ProviderNetwork] = []
        result.reserveCapacity(networks.count)
        for (index, item) in networks.enumerated() {
            guard let network = item as? [String: Any] else { throw malformed("page networks[\(index)] is not an object") }
            result.append(try self.network(network, index))
        }
        return result
    }

    private func network(_ object: [String: Any], _ index: Int) throws(ProviderError) -> ProviderNetwork {
        guard let externalID = object["external_id"] as? String, let name = object["name"] as? String,
            let organizationID = object["organization_id"] as? String
        else { throw malformed("networks[\(index)] needs string \"external_id\", \"name\" and \"organization_id\"") }
        guard let raw = object["raw"] as? [String: Any],
            let rawData = try? JSONSerialization.data(withJSONObject: raw, options: [.sortedKeys, .withoutEscapingSlashes]),
            let rawText = String(data: rawData, encoding: .utf8)
        else { throw malformed("networks[\(index)] (\(externalID)) has no \"raw\" object") }
        return ProviderNetwork(
            externalID: externalID,
            name: name,
            organizationID: organizationID,
            productTypes: object["product_types"] as? [String] ?? [],
            tags: object["tags"] as? [String] ?? [],
            timeZone: object["time_zone"] as? String,
            url: object["url"] as? String,
            raw: rawText
        )
    }

    private func object(_ bytes: [UInt8], _ what: String) throws(ProviderError) -> [String: Any] {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw malformed("\(what) is not valid UTF-8") }
        guard let value = try? JSONSerialization.jsonObject(with: Data(bytes)), let object = value as? [String: Any]
        else { throw malformed("\(what) is not a JSON object") }
        return object
    }

    private func list(_ value: Any?, _ what: String) throws(ProviderError) -> [Any] {
        guard let value else { return [] }
        guard let list = value as? [Any] else { throw malformed("\(what) is not a list") }
        return list
    }

    private func count(_ value: Any?, _ what: String) throws(ProviderError) -> Int {
        guard let number = value as? NSNumber, let count = Int(exactly: number.doubleValue), count >= 0 else {
            throw malformed("counts \(what) is not a non-negative integer")
        }
        return count
    }

    private func malformed(_ detail: String) -> ProviderError {
        ProviderError(providerID: providerID, status: .internal, message: "malformed answer: \(detail); fix the plugin")
    }
}
