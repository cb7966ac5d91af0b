import JSONText

// ProviderKit writes its replies with the host's own writer (the dependency-free `JSONText` target, linked statically
// into each vendor `.so`): one set of escaping rules on both sides of the boundary, and no Foundation in a plugin.

extension Validation {
    /// `{"account": "...", "organizations": [{"id": "...", "name": "..."}]}`
    var json: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("account")
        writer.string(account)
        writer.key("organizations")
        writer.beginArray()
        for organization in organizations {
            writer.beginObject()
            writer.key("id")
            writer.string(organization.id)
            writer.key("name")
            writer.string(organization.name)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}

extension Counts {
    /// `{"networks": N, "access_points": N, "organizations": [{"id": "...", "networks": N, "access_points": N}]}`
    var json: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("networks")
        writer.integer(networks)
        writer.key("access_points")
        writer.integer(accessPoints)
        writer.key("organizations")
        writer.beginArray()
        for organization in organizations {
            writer.beginObject()
            writer.key("id")
            writer.string(organization.id)
            writer.key("networks")
            writer.integer(organization.networks)
            writer.key("access_points")
            writer.integer(organization.accessPoints)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}

extension [Network] {
    /// `{"networks": [network, ...]}`, each network with the keys list_networks documents and `raw` spliced in.
    var pageJSON: [UInt8] {
        var writer = JSONWriter(capacity: reduce(64) { $0 + $1.raw.bytes.count + 256 })
        writer.beginObject()
        writer.key("networks")
        writer.beginArray()
        for network in self {
            writer.beginObject()
            writer.key("external_id")
            writer.string(network.externalID)
            writer.key("name")
            writer.string(network.name)
            writer.key("organization_id")
            writer.string(network.organizationID)
            writer.key("product_types")
            writer.strings(network.productTypes)
            writer.key("tags")
            writer.strings(network.tags)
            writer.key("time_zone")
            writer.string(network.timeZone)
            writer.key("url")
            writer.string(network.url)
            writer.key("raw")
            writer.raw(bytes: network.raw.bytes)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}
