package import Foundation

/// A provider network as of its last sync; one row per (integration, external id).
package struct NetworkRecord: Codable, Sendable, Equatable {
    package var id: Int64?
    package var workspaceID: Int64
    package var integrationID: Int64
    package var externalID: String
    package var name: String
    package var organizationID: String?
    /// The provider's JSON object, kept whole.
    package var config: String
    /// Digest of name, organization and config: a sync compares it to skip unchanged rows.
    package var contentHash: String
    package var provisioningStatus: NetworkStatus
    package var createdAt: Date
    package var updatedAt: Date
    package var lastSeenAt: Date

    package init(
        id: Int64? = nil,
        workspaceID: Int64,
        integrationID: Int64,
        externalID: String,
        name: String,
        organizationID: String?,
        config: String,
        contentHash: String,
        provisioningStatus: NetworkStatus,
        createdAt: Date,
        updatedAt: Date,
        lastSeenAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.integrationID = integrationID
        self.externalID = externalID
        self.name = name
        self.organizationID = organizationID
        self.config = config
        self.contentHash = contentHash
        self.provisioningStatus = provisioningStatus
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.lastSeenAt = lastSeenAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, config
        case workspaceID = "workspace_id"
        case integrationID = "integration_id"
        case externalID = "external_id"
        case organizationID = "organization_id"
        case contentHash = "content_hash"
        case provisioningStatus = "provisioning_status"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case lastSeenAt = "last_seen_at"
    }
}
