package import GRDB

extension SyncRunRecord: FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "sync_runs"
    static let integration = belongsTo(IntegrationRecord.self)

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let integrationID = Column(CodingKeys.integrationID)
        package static let status = Column(CodingKeys.status)
        package static let startedAt = Column(CodingKeys.startedAt)
        package static let finishedAt = Column(CodingKeys.finishedAt)
        package static let created = Column(CodingKeys.created)
        package static let updated = Column(CodingKeys.updated)
        package static let unchanged = Column(CodingKeys.unchanged)
        package static let removed = Column(CodingKeys.removed)
        package static let durationMS = Column(CodingKeys.durationMS)
        package static let error = Column(CodingKeys.error)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SyncRunStatus: DatabaseValueConvertible {}
