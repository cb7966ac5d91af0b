package import GRDB

extension AuditEntryRecord: FetchableRecord, PersistableRecord {
    package static let databaseTableName = "audit_log"

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let workspaceID = Column(CodingKeys.workspaceID)
        package static let userID = Column(CodingKeys.userID)
        package static let action = Column(CodingKeys.action)
        package static let target = Column(CodingKeys.target)
        package static let detail = Column(CodingKeys.detail)
        package static let at = Column(CodingKeys.at)
    }
}
