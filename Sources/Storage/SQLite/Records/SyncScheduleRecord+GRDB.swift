package import GRDB

extension SyncScheduleRecord: FetchableRecord, PersistableRecord {
    package static let databaseTableName = "sync_schedules"

    package enum Columns {
        package static let integrationID = Column(CodingKeys.integrationID)
        package static let intervalSeconds = Column(CodingKeys.intervalSeconds)
        package static let nextSyncAt = Column(CodingKeys.nextSyncAt)
        package static let failures = Column(CodingKeys.failures)
    }
}
