/// Appends JSON to a byte array: the few shapes the v1 contract defines, without a Foundation encoder.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ slice: ArraySlice<UInt8>) {
        bytes.append(contentsOf: slice)
    }

    mutating func number(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A JSON string, escaped per RFC 8259: quote, backslash and control characters.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case UInt8(ascii: "\n"): raw("\\n")
            case UInt8(ascii: "\r"): raw("\\r")
            case UInt8(ascii: "\t"): raw("\\t")
            case 0..<0x20:
                raw("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    mutating func strings(_ values: [String]) {
        raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { raw(",") }
            string(value)
        }
        raw("]")
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

extension Validation {
    /// `{"account": "...", "organizations": [{"id": "...", "name": "..."}]}`
    var json: [UInt8] {
        var writer = JSONWriter()
        writer.raw("{\"account\":")
        writer.string(account)
        writer.raw(",\"organizations\":[")
        for (index, organization) in organizations.enumerated() {
            writer.raw(index == 0 ? "{\"id\":" : ",{\"id\":")
            writer.string(organization.id)
            writer.raw(",\"name\":")
            writer.string(organization.name)
            writer.raw("}")
        }
        writer.raw("]}")
        return writer.bytes
    }
}

extension Counts {
    /// `{"networks": N, "access_points": N, "organizations": [{"id": "...", "networks": N, "access_points": N}]}`
    var json: [UInt8] {
        var writer = JSONWriter()
        writer.raw("{\"networks\":")
        writer.number(networks)
        writer.raw(",\"access_points\":")
        writer.number(accessPoints)
        writer.raw(",\"organizations\":[")
        for (index, organization) in organizations.enumerated() {
            writer.raw(index == 0 ? "{\"id\":" : ",{\"id\":")
            writer.string(organization.id)
            writer.raw(",\"networks\":")
            writer.number(organization.networks)
            writer.raw(",\"access_points\":")
            writer.number(organization.accessPoints)
            writer.raw("}")
        }
        writer.raw("]}")
        return writer.bytes
    }
}

extension [Network] {
    /// `{"networks": [network, ...]}`, each network with the keys list_networks documents and `raw` spliced in.
    var pageJSON: [UInt8] {
        var writer = JSONWriter(reservingCapacity: reduce(64) { $0 + $1.raw.bytes.count + 256 })
        writer.raw("{\"networks\":[")
        for (index, network) in enumerated() {
            writer.raw(index == 0 ? "{\"external_id\":" : ",{\"external_id\":")
            writer.string(network.externalID)
            writer.raw(",\"name\":")
            writer.string(network.name)
            writer.raw(",\"organization_id\":")
            writer.string(network.organizationID)
            writer.raw(",\"product_types\":")
            writer.strings(network.productTypes)
            writer.raw(",\"tags\":")
            writer.strings(network.tags)
            writer.raw(",\"time_zone\":")
            writer.optionalString(network.timeZone)
            writer.raw(",\"url\":")
            writer.optionalString(network.url)
            writer.raw(",\"raw\":")
            writer.raw(network.raw.bytes)
            writer.raw("}")
        }
        writer.raw("]}")
        return writer.bytes
    }
}
