import Foundation
import PostgresNIO

/// Reading networks for the surfaces: listings in id order, the console's search, organizations.
extension PostgresStore {
    package func networks(_ filter: NetworkFilter, limit: Int) throws(StorageError) -> [NetworkListing] {
        try read { db in try db.all(Self.listingQuery(filter, limit: limit)) { row in try NetworkListing(pg: row) } }
    }

    package func network(id: Int64) throws(StorageError) -> NetworkListing? {
        try read { db in
            try db.one(
                """
                SELECT \(unescaped: PGColumns.listing) FROM networks n JOIN integrations i ON i.id = n.integration_id
                WHERE n.id = \(id)
                """
            ) { row in try NetworkListing(pg: row) }
        }
    }

    /// Streams through a cursor, a batch at a time, inside one read-only transaction: one snapshot, flat memory.
    package func forEachNetwork(
        _ filter: NetworkFilter,
        limit: Int?,
        _ body: (NetworkListing) -> Void
    ) throws(StorageError) {
        try write { db in
            try db.execute("SET TRANSACTION READ ONLY")
            let query = Self.listingQuery(filter, limit: limit)
            try db.execute(
                PostgresQuery(unsafeSQL: "DECLARE listing NO SCROLL CURSOR FOR " + query.sql, binds: query.binds)
            )
            while true {
                let rows = try db.query("FETCH FORWARD 1000 FROM listing").rows
                for row in rows { body(try NetworkListing(pg: PGRow(row))) }
                if rows.count < 1000 { break }
            }
            try db.execute("CLOSE listing")
        }
    }

    package func searchNetworks(_ search: NetworkSearch, limit: Int) throws(StorageError) -> [NetworkListing] {
        var sql = """
            SELECT \(PGColumns.listing) FROM networks n JOIN integrations i ON i.id = n.integration_id
            WHERE n.workspace_id = $1
            """
        var binds = PostgresBindings()
        binds.append(search.workspaceID)
        func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        if let integrationID = search.integrationID { sql += " AND n.integration_id = \(bind(integrationID))" }
        if let status = search.status { sql += " AND n.provisioning_status = \(bind(status.rawValue))" }
        if let organizationID = search.organizationID { sql += " AND n.organization_id = \(bind(organizationID))" }
        if let text = search.nameContains, !text.isEmpty {
            // ASCII case-insensitive, `%` and `_` literal: SQLite's LIKE, spelled for PostgreSQL.
            sql += " AND lower(n.name) LIKE \(bind("%" + Self.likeEscaped(text.lowercased()) + "%")) ESCAPE '\\'"
        }
        // Text sorts bytewise (COLLATE "C"), as in SQLite, whatever the database's locale.
        let key: String
        switch search.order {
        case .id: key = "id"
        case .name: key = "name COLLATE \"C\""
        case .status: key = "provisioning_status COLLATE \"C\""
        case .updated: key = "updated_at"
        }
        if let afterID = search.afterID {
            let comparison = search.descending ? "<" : ">"
            let cursor = bind(afterID)
            sql += " AND (n.\(key), n.id) \(comparison) (SELECT c.\(key), c.id FROM networks c WHERE c.id = \(cursor))"
        }
        let direction = search.descending ? "DESC" : "ASC"
        sql += " ORDER BY n.\(key) \(direction), n.id \(direction) LIMIT \(bind(limit))"
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        return try read { db in try db.all(query) { row in try NetworkListing(pg: row) } }
    }

    package func networkOrganizations(workspaceID: Int64) throws(StorageError) -> [OrganizationCount] {
        try read { db in
            try db.all(
                """
                SELECT organization_id, count(id) AS networks FROM networks
                WHERE workspace_id = \(workspaceID) AND organization_id IS NOT NULL
                GROUP BY organization_id ORDER BY organization_id COLLATE "C"
                """
            ) { row in OrganizationCount(id: try row("organization_id"), networks: try row("networks")) }
        }
    }

    /// A workspace's networks matching `filter`, in id order: the query behind every listing.
    static func listingQuery(_ filter: NetworkFilter, limit: Int?) -> PostgresQuery {
        var sql = """
            SELECT \(PGColumns.listing) FROM networks n JOIN integrations i ON i.id = n.integration_id
            WHERE n.workspace_id = $1
            """
        var binds = PostgresBindings()
        binds.append(filter.workspaceID)
        if let integrationID = filter.integrationID {
            binds.append(integrationID)
            sql += " AND n.integration_id = $\(binds.count)"
        }
        if let status = filter.status {
            binds.append(status.rawValue)
            sql += " AND n.provisioning_status = $\(binds.count)"
        }
        if let afterID = filter.afterID {
            binds.append(afterID)
            sql += " AND n.id > $\(binds.count)"
        }
        sql += " ORDER BY n.id"
        if let limit {
            binds.append(limit)
            sql += " LIMIT $\(binds.count)"
        }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    private static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
