import Foundation

/// Meraki's JSON shapes, as the Dashboard API v1 documents them.
enum FakeMerakiJSON {
    static func network(_ network: FakeMerakiDataset.Network, organizationID: String) -> [UInt8] {
        let slug = network.id.lowercased()
        let object: [(String, String)] = [
            ("id", string(network.id)),
            ("organizationId", string(organizationID)),
            ("name", string(network.name)),
            ("productTypes", strings(network.productTypes)),
            ("timeZone", string("America/Los_Angeles")),
            ("tags", strings(network.tags)),
            ("enrollmentString", "null"),
            ("url", string("https://n149.meraki.com/\(slug)/n/\(slug)/manage/usage/list")),
            ("notes", string(network.notes)),
            ("isBoundToConfigTemplate", "false"),
        ]
        return Array(("{" + object.map { "\(string($0.0)):\($0.1)" }.joined(separator: ",") + "}").utf8)
    }

    static func organization(_ organization: FakeMerakiDataset.Organization, baseURL: String) -> [UInt8] {
        let object: [(String, String)] = [
            ("id", string(organization.id)),
            ("name", string(organization.name)),
            ("url", string("https://n149.meraki.com/o/\(organization.id)/manage/organization/overview")),
            ("api", "{\"enabled\":\(organization.apiEnabled)}"),
            ("licensing", "{\"model\":\"co-term\"}"),
            ("cloud", "{\"region\":{\"name\":\"North America\",\"host\":{\"name\":\"United States\"}}}"),
            ("management", "{\"details\":[]}"),
        ]
        return Array(("{" + object.map { "\(string($0.0)):\($0.1)" }.joined(separator: ",") + "}").utf8)
    }

    static func errors(_ messages: [String]) -> [UInt8] {
        Array("{\"errors\":\(strings(messages))}".utf8)
    }

    /// A JSON string literal: quote, backslash and control characters escaped.
    static func string(_ value: String) -> String {
        // Most text needs no escape; copying it whole keeps megabyte-long notes cheap in a debug build.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + value + "\""
        }
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func strings(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ",") + "]"
    }
}
