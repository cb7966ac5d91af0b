import GRDB

/// Reading networks for the surfaces.
extension SQLiteStore {
    package func networks(_ filter: NetworkFilter, limit: Int) throws(StorageError) -> [NetworkListing] {
        try read { db in try NetworkListing.fetchAll(db, Self.listingRequest(filter).limit(limit)) }
    }

    package func network(id: Int64) throws(StorageError) -> NetworkListing? {
        try read { db in try NetworkListing.fetchOne(db, Self.withIntegration(NetworkRecord.filter(key: id))) }
    }

    package func forEachNetwork(
        _ filter: NetworkFilter,
        limit: Int?,
        _ body: (NetworkListing) -> Void
    ) throws(StorageError) {
        try read { db in
            let request = Self.listingRequest(filter)
            let rows = try NetworkListing.fetchCursor(db, limit.map { request.limit($0) } ?? request)
            while let listing = try rows.next() {
                body(listing)
            }
        }
    }

    /// A workspace's networks matching `filter`, in id order: the request behind every listing.
    static func listingRequest(_ filter: NetworkFilter) -> QueryInterfaceRequest<NetworkRecord> {
        typealias Columns = NetworkRecord.Columns
        var request = NetworkRecord.filter(Columns.workspaceID == filter.workspaceID)
        if let integrationID = filter.integrationID {
            request = request.filter(Columns.integrationID == integrationID)
        }
        if let status = filter.status {
            request = request.filter(Columns.provisioningStatus == status)
        }
        if let afterID = filter.afterID {
            request = request.filter(Columns.id > afterID)
        }
        return withIntegration(request.order(Columns.id))
    }

    /// Adds the provider and name of each network's integration, read under `NetworkRecord.integrationKey`.
    private static func withIntegration(
        _ request: QueryInterfaceRequest<NetworkRecord>
    ) -> QueryInterfaceRequest<NetworkRecord> {
        request.including(
            required: NetworkRecord.integration.select(
                IntegrationRecord.Columns.provider,
                IntegrationRecord.Columns.name
            )
        )
    }
}
