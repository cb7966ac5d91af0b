package import Foundation
package import GRDB

extension NetworkRecord: FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "networks"
    /// The integration a listing row carries, under `row.scopes[integrationKey]`.
    static let integrationKey = "integration"
    static let integration = belongsTo(IntegrationRecord.self, key: integrationKey)
    /// What a listing reads of a network's integration, in the order `NetworkListing.init(row:)` reads it.
    static var integrationColumns: [any SQLSelectable] {
        [IntegrationRecord.Columns.provider, IntegrationRecord.Columns.name]
    }

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

    /// Every request for networks selects these columns in this order, so `init(row:)` reads them by position.
    package static var databaseSelection: [any SQLSelectable] {
        [
            Columns.id, Columns.workspaceID, Columns.integrationID, Columns.externalID, Columns.name,
            Columns.organizationID, Columns.config, Columns.contentHash, Columns.provisioningStatus, Columns.createdAt,
            Columns.updatedAt, Columns.lastSeenAt,
        ]
    }

    // Written by hand rather than through Codable, and by position rather than by name: networks are the rows a
    // listing reads by the hundred per request, and a name lookup per column (through the adapter that splits off the
    // integration's columns) cost more than the rest of decoding the row (APIBenchmark, profiled with perf).
    package init(row: Row) throws {
        self.init(
            id: row[0],
            workspaceID: row[1],
            integrationID: row[2],
            externalID: row[3],
            name: row[4],
            organizationID: row[5],
            config: row[6],
            contentHash: row[7],
            provisioningStatus: row[8],
            createdAt: row[9],
            updatedAt: row[10],
            lastSeenAt: row[11]
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
            // The scope selects exactly provider then name (`NetworkRecord.integrationColumns`).
            provider: integration[0],
            integrationName: integration[1]
        )
    }
}
