import GRDB

/// Searching a workspace's networks for the console: by name, integration, organization and status, in any
/// `NetworkSearch.Order`, a page at a time.
extension SQLiteStore {
    package func searchNetworks(_ search: NetworkSearch, limit: Int) throws(StorageError) -> [NetworkListing] {
        try read { db in try NetworkListing.fetchAll(db, Self.searchRequest(search).limit(limit)) }
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

    /// The request behind a search: the listing's filters, the order's key then the id, and a keyset continuation.
    static func searchRequest(_ search: NetworkSearch) -> QueryInterfaceRequest<NetworkRecord> {
        typealias Columns = NetworkRecord.Columns
        let networks = TableAlias()
        var request = NetworkRecord.aliased(networks).filter(Columns.workspaceID == search.workspaceID)
        if let integrationID = search.integrationID {
            request = request.filter(Columns.integrationID == integrationID)
        }
        if let status = search.status {
            request = request.filter(Columns.provisioningStatus == status)
        }
        if let organizationID = search.organizationID {
            request = request.filter(Columns.organizationID == organizationID)
        }
        if let text = search.nameContains, !text.isEmpty {
            let pattern = "%" + likeEscaped(text) + "%"
            request = request.filter(literal: "\(networks[Columns.name]) LIKE \(pattern) ESCAPE '\\'")
        }
        let key = column(of: search.order)
        if let afterID = search.afterID {
            // Row values compare (key, id) pairs in one step: the page continues exactly after the cursor row.
            let comparison: SQL = search.descending ? "<" : ">"
            request = request.filter(
                literal: """
                    (\(networks[key]), \(networks[Columns.id])) \(comparison) \
                    (SELECT \(key), \(Columns.id) FROM networks WHERE \(Columns.id) = \(afterID))
                    """
            )
        }
        let ordering = search.descending ? [key.desc, Columns.id.desc] : [key.asc, Columns.id.asc]
        return request.order(ordering).including(
            required: NetworkRecord.integration.select(
                IntegrationRecord.Columns.provider,
                IntegrationRecord.Columns.name
            )
        )
    }

    private static func column(of order: NetworkSearch.Order) -> Column {
        switch order {
        case .id: NetworkRecord.Columns.id
        case .name: NetworkRecord.Columns.name
        case .status: NetworkRecord.Columns.provisioningStatus
        case .updated: NetworkRecord.Columns.updatedAt
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
