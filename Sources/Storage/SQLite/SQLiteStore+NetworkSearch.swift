import GRDB

/// Searching a workspace's networks for the console and the API: by name, integration, organization and status, in
/// any `NetworkSearch.Order`, a page at a time.
extension SQLiteStore {
    package func searchNetworks(_ search: NetworkSearch, limit: Int) throws(StorageError) -> [NetworkListing] {
        try readOne { db in
            var query = Self.searchQuery(search)
            query.limit(limit)
            return try query.fetchAll(db)
        }
    }

    package func networkOrganizations(workspaceID: Int64) throws(StorageError) -> [OrganizationCount] {
        typealias Columns = NetworkRecord.Columns
        return try read { db in
            let request = NetworkRecord.filter(Columns.workspaceID == workspaceID && Columns.organizationID != nil)
                .select(Columns.organizationID, count(Columns.id))
                .group(Columns.organizationID)
                .order(Columns.organizationID)
            return try Row.fetchAll(db, request).map { row in OrganizationCount(id: row[0], networks: row[1]) }
        }
    }

    /// The query behind a search: the listing's filters, the order's key then the id, and a keyset continuation.
    static func searchQuery(_ search: NetworkSearch) -> ListingQuery {
        var query = ListingQuery()
        query.filter("n.workspace_id = ?", search.workspaceID)
        if let integrationID = search.integrationID { query.filter("n.integration_id = ?", integrationID) }
        if let status = search.status { query.filter("n.provisioning_status = ?", status.rawValue) }
        if let organizationID = search.organizationID { query.filter("n.organization_id = ?", organizationID) }
        if let text = search.nameContains, !text.isEmpty {
            query.filter("n.name LIKE ? ESCAPE '\\'", "%" + likeEscaped(text) + "%")
        }
        let key = column(of: search.order)
        if let afterID = search.afterID {
            // Row values compare (key, id) pairs in one step: the page continues exactly after the cursor row.
            query.filter(
                "(n.\(key), n.id) \(search.descending ? "<" : ">") (SELECT \(key), id FROM networks WHERE id = ?)",
                afterID
            )
        }
        let direction = search.descending ? "DESC" : "ASC"
        query.order(key == "id" ? "n.id \(direction)" : "n.\(key) \(direction), n.id \(direction)")
        return query
    }

    private static func column(of order: NetworkSearch.Order) -> String {
        switch order {
        case .id: NetworkRecord.Columns.id.name
        case .name: NetworkRecord.Columns.name.name
        case .status: NetworkRecord.Columns.provisioningStatus.name
        case .updated: NetworkRecord.Columns.updatedAt.name
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
