package import GRDB

extension WorkspaceRecord: FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "workspaces"
    static let memberships = hasMany(MembershipRecord.self)

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let name = Column(CodingKeys.name)
        package static let createdAt = Column(CodingKeys.createdAt)
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
