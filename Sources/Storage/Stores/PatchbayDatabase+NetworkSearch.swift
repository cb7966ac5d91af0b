import GRDB

/// What a network search filters on (nil means "any") and the order it reads in.
package struct NetworkSearch: Sendable, Equatable {
    package var integrationID: Int64?
    package var status: String?
    package var organizationID: String?
    /// Part of the name, matched case-insensitively (ASCII), `%` and `_` taken literally.
    package var nameContains: String?
    package var order: Order
    package var descending: Bool

    /// The orders a listing can be read in. Every order ends with the id, so it is total and a page can continue
    /// after any row (keyset pagination: the cursor is the last row's id).
    package enum Order: String, Sendable, CaseIterable {
        case id
        case name
        case status
        case updated

        var column: String {
            switch self {
            case .id: "id"
            case .name: "name"
            case .status: "provisioning_status"
            case .updated: "updated_at"
            }
        }
    }

    package init(
        integrationID: Int64? = nil,
        status: String? = nil,
        organizationID: String? = nil,
        nameContains: String? = nil,
        order: Order = .id,
        descending: Bool = false
    ) {
        self.integrationID = integrationID
        self.status = status
        self.organizationID = organizationID
        self.nameContains = nameContains
        self.order = order
        self.descending = descending
    }
}

/// Searching a workspace's networks for the console: by name, integration, organization and status, in any
/// `NetworkSortKey` order, a page at a time.
extension PatchbayDatabase {
    package func searchNetworks(
        workspaceID: Int64,
        _ filter: NetworkSearch,
        afterID: Int64? = nil,
        limit: Int
    ) throws(StorageError) -> [NetworkListing] {
        var sql = """
            SELECT n.*, i.provider AS integration_provider, i.name AS integration_name
            FROM networks n JOIN integrations i ON i.id = n.integration_id
            WHERE n.workspace_id = ?
            """
        var arguments: StatementArguments = [workspaceID]
        if let integrationID = filter.integrationID {
            sql += " AND n.integration_id = ?"
            arguments += [integrationID]
        }
        if let status = filter.status {
            sql += " AND n.provisioning_status = ?"
            arguments += [status]
        }
        if let organizationID = filter.organizationID {
            sql += " AND n.organization_id = ?"
            arguments += [organizationID]
        }
        if let text = filter.nameContains, !text.isEmpty {
            sql += #" AND n.name LIKE ? ESCAPE '\'"#
            arguments += ["%" + Self.likeEscaped(text) + "%"]
        }
        let sort = filter.order
        let (comparison, direction) = filter.descending ? ("<", "DESC") : (">", "ASC")
        if let afterID {
            if sort == .id {
                sql += " AND n.id \(comparison) ?"
            } else {
                // Row values compare (key, id) pairs in one step: the page continues exactly after the cursor row.
                sql +=
                    " AND (n.\(sort.column), n.id) \(comparison) (SELECT \(sort.column), id FROM networks WHERE id = ?)"
            }
            arguments += [afterID]
        }
        if sort == .id {
            sql += " ORDER BY n.id \(direction) LIMIT ?"
        } else {
            sql += " ORDER BY n.\(sort.column) \(direction), n.id \(direction) LIMIT ?"
        }
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

    /// The organizations a workspace's networks belong to, with how many networks each has, for filters.
    package func networkOrganizations(workspaceID: Int64) throws(StorageError) -> [(String, Int)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT organization_id, COUNT(*) AS networks FROM networks
                    WHERE workspace_id = ? AND organization_id IS NOT NULL
                    GROUP BY organization_id ORDER BY organization_id
                    """,
                arguments: [workspaceID]
            )
            .map { row in (row["organization_id"] as String, row["networks"] as Int) }
        }
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
