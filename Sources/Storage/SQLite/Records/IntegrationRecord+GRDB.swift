package import GRDB

extension IntegrationRecord: FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "integrations"
    static let workspace = belongsTo(WorkspaceRecord.self)
    static let networks = hasMany(NetworkRecord.self)
    static let syncRuns = hasMany(SyncRunRecord.self)
    static let counts = hasOne(CountsRecord.self)

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let workspaceID = Column(CodingKeys.workspaceID)
        package static let provider = Column(CodingKeys.provider)
        package static let name = Column(CodingKeys.name)
        package static let settings = Column(CodingKeys.settings)
        package static let credentialsCiphertext = Column(CodingKeys.credentialsCiphertext)
        package static let keyID = Column(CodingKeys.keyID)
        package static let createdBy = Column(CodingKeys.createdBy)
        package static let createdAt = Column(CodingKeys.createdAt)
        package static let updatedAt = Column(CodingKeys.updatedAt)
        package static let lastSyncAt = Column(CodingKeys.lastSyncAt)
        package static let lastSyncStatus = Column(CodingKeys.lastSyncStatus)
        package static let lastSyncError = Column(CodingKeys.lastSyncError)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
