import GRDB

/// Reading networks for the surfaces. A listing page is the API's hottest read, so its SQL is written out here and
/// kept as a cached prepared statement per shape, and its rows are read by column position
/// (`NetworkListing.init(listingRow:)`): GRDB's query builder regenerated the SQL and looked every column up by
/// name on each request.
extension SQLiteStore {
    package func networks(_ filter: NetworkFilter, limit: Int) throws(StorageError) -> [NetworkListing] {
        try readOne { db in
            var query = Self.listingQuery(filter)
            query.limit(limit)
            return try query.fetchAll(db)
        }
    }

    package func network(id: Int64) throws(StorageError) -> NetworkListing? {
        try readOne { db in
            var query = ListingQuery()
            query.filter("n.id = ?", id)
            return try query.fetchAll(db).first
        }
    }

    package func forEachNetwork(
        _ filter: NetworkFilter,
        limit: Int?,
        _ body: (NetworkListing) -> Void
    ) throws(StorageError) {
        try readOne { db in
            var query = Self.listingQuery(filter)
            if let limit { query.limit(limit) }
            try query.forEach(db, body)
        }
    }

    /// A workspace's networks matching `filter`, in id order: the query behind every listing.
    static func listingQuery(_ filter: NetworkFilter) -> ListingQuery {
        var query = ListingQuery()
        query.filter("n.workspace_id = ?", filter.workspaceID)
        if let integrationID = filter.integrationID { query.filter("n.integration_id = ?", integrationID) }
        if let status = filter.status { query.filter("n.provisioning_status = ?", status.rawValue) }
        if let afterID = filter.afterID { query.filter("n.id > ?", afterID) }
        query.order("n.id")
        return query
    }
}

/// The SQL of one listing read, built by appending: networks joined with their integration's provider and name,
/// the conditions, the order and the limit, with the arguments in step.
struct ListingQuery {
    private(set) var sql = """
        SELECT n.id, n.workspace_id, n.integration_id, n.external_id, n.name, n.organization_id, n.config, \
        n.content_hash, n.provisioning_status, n.created_at, n.updated_at, n.last_seen_at, i.provider, i.name \
        FROM networks n JOIN integrations i ON i.id = n.integration_id
        """
    private(set) var arguments = StatementArguments()
    private var hasCondition = false

    mutating func filter(_ condition: String, _ values: (any DatabaseValueConvertible)...) {
        sql += hasCondition ? " AND " : " WHERE "
        sql += condition
        hasCondition = true
        arguments += StatementArguments(values)
    }

    mutating func order(_ terms: String) {
        sql += " ORDER BY " + terms
    }

    mutating func limit(_ count: Int) {
        sql += " LIMIT ?"
        arguments += [count]
    }

    func fetchAll(_ db: Database) throws -> [NetworkListing] {
        var listings: [NetworkListing] = []
        try forEach(db) { listings.append($0) }
        return listings
    }

    func forEach(_ db: Database, _ body: (NetworkListing) -> Void) throws {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() {
            body(try NetworkListing(listingRow: row))
        }
    }
}
