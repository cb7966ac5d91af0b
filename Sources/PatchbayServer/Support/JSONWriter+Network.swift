package import JSONText
package import PatchbayCore

extension JSONWriter {
    /// One network, its `config` spliced in as the JSON object the provider returned. The one encoder of a network:
    /// the API and the CLI's `--json` both write it, so they cannot drift.
    package mutating func network(_ network: NetworkSummary) {
        beginObject()
        key("id")
        integer(network.id)
        key("workspace_id")
        integer(network.workspaceID)
        key("integration_id")
        integer(network.integrationID)
        key("integration_name")
        string(network.integrationName)
        key("provider")
        string(network.provider)
        key("external_id")
        string(network.externalID)
        key("name")
        string(network.name)
        key("organization_id")
        string(network.organizationID)
        key("provisioning_status")
        string(network.provisioningStatus)
        key("config")
        // Stored as the provider's canonical JSON object; anything else (never expected) goes out as a string.
        if network.config.utf8.first == UInt8(ascii: "{") { raw(network.config) } else { string(network.config) }
        key("created_at")
        date(network.createdAt)
        key("updated_at")
        date(network.updatedAt)
        key("last_seen_at")
        date(network.lastSeenAt)
        endObject()
    }
}
