package import GRDB

extension SessionRecord: FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "sessions"

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let userID = Column(CodingKeys.userID)
        package static let tokenID = Column(CodingKeys.tokenID)
        package static let sessionHash = Column(CodingKeys.sessionHash)
        package static let lastUsedAt = Column(CodingKeys.lastUsedAt)
        package static let revokedAt = Column(CodingKeys.revokedAt)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
