import Foundation

/// Mist's JSON shapes, as the Mist API v1 describes them.
enum FakeMistJSON {
    static func site(_ site: FakeMistDataset.Site, organizationID: String) -> [UInt8] {
        let object: [(String, String)] = [
            ("id", string(site.id)),
            ("name", string(site.name)),
            ("org_id", string(organizationID)),
            ("timezone", string(site.timezone)),
            ("country_code", string("NL")),
            ("address", string("Herengracht 1, Amsterdam")),
            ("latlng", "{\"lat\":52.37,\"lng\":4.89}"),
            ("sitegroup_ids", "[]"),
            ("rftemplate_id", "null"),
            ("created_time", "1700000000"),
            ("modified_time", "1700000100.5"),
        ]
        return Array(("{" + object.map { "\(string($0.0)):\($0.1)" }.joined(separator: ",") + "}").utf8)
    }

    static func device(_ device: FakeMistDataset.Device, organizationID: String) -> [UInt8] {
        let object =
            "{\"mac\":\(string(device.mac)),\"type\":\(string(device.type)),\"model\":\(string(device.model)),"
            + "\"org_id\":\(string(organizationID)),\"connected\":true}"
        return Array(object.utf8)
    }

    static func detail(_ message: String) -> [UInt8] {
        Array("{\"detail\":\(string(message))}".utf8)
    }

    /// A JSON string literal; non-ASCII is written as \u escapes (surrogate pairs beyond the BMP), as Python's
    /// json module (which Mist's Django answers come from) does by default.
    static func string(_ value: String) -> String {
        var result = "\""
        for unit in value.utf16 {
            switch unit {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x0A: result += "\\n"
            case 0x20..<0x7F: result.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default: result += String(format: "\\u%04x", unit)
            }
        }
        return result + "\""
    }
}
