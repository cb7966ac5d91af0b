/// A workspace as a caller names it: by id, or by name.
package enum WorkspaceReference: Sendable, Equatable {
    case id(Int64)
    case name(String)
}

/// A live console session together with its user, read in one query.
package struct SessionUse: Sendable, Equatable {
    package var session: SessionRecord
    package var user: UserRecord

    package init(session: SessionRecord, user: UserRecord) {
        self.session = session
        self.user = user
    }
}
