import GRDB

/// A workspace's members, for the console's users page.
extension PatchbayDatabase {
    /// Every member of `workspaceID` with their role, by user id.
    package func members(ofWorkspace workspaceID: Int64) throws(StorageError) -> [(UserRecord, String)] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT u.*, m.role AS member_role FROM users u
                    JOIN memberships m ON m.user_id = u.id
                    WHERE m.workspace_id = ? ORDER BY u.id
                    """,
                arguments: [workspaceID]
            )
            return try rows.map { row in (try UserRecord(row: row), row["member_role"] as String) }
        }
    }
}
