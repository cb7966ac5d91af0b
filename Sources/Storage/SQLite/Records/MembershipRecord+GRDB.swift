package import GRDB

extension MembershipRecord: FetchableRecord, PersistableRecord {
    package static let databaseTableName = "memberships"
    static let workspaceKey = "workspace"
    static let workspace = belongsTo(WorkspaceRecord.self, key: workspaceKey)
    static let user = belongsTo(UserRecord.self)

    package enum Columns {
        package static let workspaceID = Column(CodingKeys.workspaceID)
        package static let userID = Column(CodingKeys.userID)
        package static let role = Column(CodingKeys.role)
        package static let createdAt = Column(CodingKeys.createdAt)
    }
}

extension MemberRole: DatabaseValueConvertible {}
