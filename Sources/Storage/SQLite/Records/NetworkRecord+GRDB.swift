package import Foundation
package import GRDB

extension NetworkRecord: FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "networks"
    /// The integration a listing row carries, under `row.scopes[integrationKey]`.
    static let integrationKey = "integration"
    static let integration = belongsTo(IntegrationRecord.self, key: integrationKey)

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let workspaceID = Column(CodingKeys.workspaceID)
        package static let integrationID = Column(CodingKeys.integrationID)
        package static let externalID = Column(CodingKeys.externalID)
        package static let name = Column(CodingKeys.name)
        package static let organizationID = Column(CodingKeys.organizationID)
        package static let config = Column(CodingKeys.config)
        package static let contentHash = Column(CodingKeys.contentHash)
        package static let provisioningStatus = Column(CodingKeys.provisioningStatus)
        package static let createdAt = Column(CodingKeys.createdAt)
        package static let updatedAt = Column(CodingKeys.updatedAt)
        package static let lastSeenAt = Column(CodingKeys.lastSeenAt)
    }

    // Written by hand rather than through Codable: networks are the rows a sync inserts and a listing reads by the
    // thousand, and GRDB's Codable bridge costs several times a direct column read.
    package init(row: Row) throws {
        self.init(
            id: row[Columns.id],
            workspaceID: row[Columns.workspaceID],
            integrationID: row[Columns.integrationID],
            externalID: row[Columns.externalID],
            name: row[Columns.name],
            organizationID: row[Columns.organizationID],
            config: row[Columns.config],
            contentHash: row[Columns.contentHash],
            provisioningStatus: row[Columns.provisioningStatus],
            createdAt: row[Columns.createdAt],
            updatedAt: row[Columns.updatedAt],
            lastSeenAt: row[Columns.lastSeenAt]
        )
    }

    package func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.workspaceID] = workspaceID
        container[Columns.integrationID] = integrationID
        container[Columns.externalID] = externalID
        container[Columns.name] = name
        container[Columns.organizationID] = organizationID
        container[Columns.config] = config
        container[Columns.contentHash] = contentHash
        container[Columns.provisioningStatus] = provisioningStatus
        container[Columns.createdAt] = createdAt
        container[Columns.updatedAt] = updatedAt
        container[Columns.lastSeenAt] = lastSeenAt
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension NetworkStatus: DatabaseValueConvertible {}

extension NetworkListing: FetchableRecord {
    /// Reads a row of `NetworkRecord.including(required: NetworkRecord.integration…)`.
    package init(row: Row) throws {
        guard let integration = row.scopes[NetworkRecord.integrationKey] else {
            throw DatabaseError(message: "a network listing was read without its integration")
        }
        self.init(
            network: try NetworkRecord(row: row),
            provider: integration[IntegrationRecord.Columns.provider],
            integrationName: integration[IntegrationRecord.Columns.name]
        )
    }
}
