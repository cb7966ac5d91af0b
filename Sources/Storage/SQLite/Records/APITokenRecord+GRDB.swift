package import GRDB

extension APITokenRecord: FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "api_tokens"
    static let user = belongsTo(UserRecord.self)

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let userID = Column(CodingKeys.userID)
        package static let name = Column(CodingKeys.name)
        package static let tokenHash = Column(CodingKeys.tokenHash)
        package static let createdAt = Column(CodingKeys.createdAt)
        package static let lastUsedAt = Column(CodingKeys.lastUsedAt)
        package static let expiresAt = Column(CodingKeys.expiresAt)
        package static let revokedAt = Column(CodingKeys.revokedAt)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
