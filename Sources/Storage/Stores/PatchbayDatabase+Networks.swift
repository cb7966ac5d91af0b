import Foundation
import GRDB

/// A network joined with the integration it came from.
package struct NetworkListing: Sendable, Equatable {
    package var network: NetworkRecord
    package var provider: String
    package var integrationName: String
}

/// Reading networks for the surfaces.
extension PatchbayDatabase {
    /// A page of a workspace's networks in id order, optionally filtered; `afterID` continues a previous page.
    package func networks(
        workspaceID: Int64,
        integrationID: Int64? = nil,
        status: String? = nil,
        afterID: Int64? = nil,
        limit: Int
    ) throws(StorageError) -> [NetworkListing] {
        var sql = """
            SELECT n.*, i.provider AS integration_provider, i.name AS integration_name
            FROM networks n JOIN integrations i ON i.id = n.integration_id
            WHERE n.workspace_id = ?
            """
        var arguments: StatementArguments = [workspaceID]
        if let integrationID {
            sql += " AND n.integration_id = ?"
            arguments += [integrationID]
        }
        if let status {
            sql += " AND n.provisioning_status = ?"
            arguments += [status]
        }
        if let afterID {
            sql += " AND n.id > ?"
            arguments += [afterID]
        }
        sql += " ORDER BY n.id LIMIT ?"
        arguments += [limit]
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                NetworkListing(
                    network: try NetworkRecord(row: row),
                    provider: row["integration_provider"],
                    integrationName: row["integration_name"]
                )
            }
        }
    }

    package func network(id: Int64) throws(StorageError) -> NetworkListing? {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT n.*, i.provider AS integration_provider, i.name AS integration_name
                    FROM networks n JOIN integrations i ON i.id = n.integration_id WHERE n.id = ?
                    """,
                arguments: [id]
            )
            return try row.map { row in
                NetworkListing(
                    network: try NetworkRecord(row: row),
                    provider: row["integration_provider"],
                    integrationName: row["integration_name"]
                )
            }
        }
    }
}
