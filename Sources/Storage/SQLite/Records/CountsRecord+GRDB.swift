package import GRDB

extension CountsRecord: FetchableRecord, PersistableRecord {
    package static let databaseTableName = "integration_counts"

    package enum Columns {
        package static let integrationID = Column(CodingKeys.integrationID)
        package static let networks = Column(CodingKeys.networks)
        package static let accessPoints = Column(CodingKeys.accessPoints)
        package static let fetchedAt = Column(CodingKeys.fetchedAt)
    }
}
