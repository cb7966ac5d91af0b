package import Foundation
import Storage

/// A network as surfaces show it, with its integration's provider.
package struct NetworkSummary: Sendable, Equatable {
    package var id: Int64
    package var workspaceID: Int64
    package var integrationID: Int64
    package var integrationName: String
    package var provider: String
    package var externalID: String
    package var name: String
    package var organizationID: String?
    package var provisioningStatus: String
    /// The provider's object as stored, JSON text.
    package var config: String
    package var createdAt: Date
    package var updatedAt: Date
    package var lastSeenAt: Date

    init(_ listing: NetworkListing) {
        let network = listing.network
        id = network.id ?? 0
        workspaceID = network.workspaceID
        integrationID = network.integrationID
        integrationName = listing.integrationName
        provider = listing.provider
        externalID = network.externalID
        name = network.name
        organizationID = network.organizationID
        provisioningStatus = network.provisioningStatus.rawValue
        config = network.config
        createdAt = network.createdAt
        updatedAt = network.updatedAt
        lastSeenAt = network.lastSeenAt
    }
}

/// One page of networks and where the next one starts.
package struct NetworkPage: Sendable {
    package var networks: [NetworkSummary]
    /// Pass as `after` to get the next page; nil on the last page.
    package var nextCursor: Int64?
}

/// Lists a workspace's networks.
package struct NetworkService: Sendable {
    let context: CoreContext
    package static let maximumPageSize = 1000

    package init(context: CoreContext) {
        self.context = context
    }

    /// A page of the workspace's networks, optionally filtered by integration and status, in a stable order.
    package func list(
        _ caller: Caller,
        workspace reference: String,
        integrationID: Int64? = nil,
        status: String? = nil,
        after cursor: Int64? = nil,
        limit: Int = 100
    ) throws(ServiceError) -> NetworkPage {
        guard (1...Self.maximumPageSize).contains(limit) else {
            throw ServiceError(.invalidArgument, "limit \(limit): out of range; use 1 to \(Self.maximumPageSize)")
        }
        let filter = try self.filter(caller, reference, integrationID: integrationID, status: status, after: cursor)
        let rows = try context.store { () throws(StorageError) in
            try context.database.networks(filter, limit: limit + 1)
        }
        let page = rows.prefix(limit).map(NetworkSummary.init)
        return NetworkPage(networks: Array(page), nextCursor: rows.count > limit ? page.last?.id : nil)
    }

    /// Every matching network (up to `limit`, nil for all) handed to `body` one at a time, in the order `list` pages
    /// them: for output of any size in flat memory.
    package func forEach(
        _ caller: Caller,
        workspace reference: String,
        integrationID: Int64? = nil,
        status: String? = nil,
        after cursor: Int64? = nil,
        limit: Int? = nil,
        _ body: (NetworkSummary) -> Void
    ) throws(ServiceError) {
        if let limit, limit < 1 {
            throw ServiceError(.invalidArgument, "limit \(limit): out of range; use 1 or more, or omit it")
        }
        let filter = try self.filter(caller, reference, integrationID: integrationID, status: status, after: cursor)
        try context.store { () throws(StorageError) in
            try context.database.forEachNetwork(filter, limit: limit) { body(NetworkSummary($0)) }
        }
    }

    /// The storage filter for a listing, once the caller may read the workspace and the filters make sense.
    private func filter(
        _ caller: Caller,
        _ reference: String,
        integrationID: Int64?,
        status: String?,
        after cursor: Int64?
    ) throws(ServiceError) -> NetworkFilter {
        let workspaceID = try context.access(reference, caller: caller, for: .read).id
        let storedStatus = try status.map { (status) throws(ServiceError) in
            guard let stored = NetworkStatus(rawValue: status) else {
                throw ServiceError(.invalidArgument, "status '\(status)': unknown; use active or removed")
            }
            return stored
        }
        if let integrationID {
            let record = try context.store { () throws(StorageError) in
                try context.database.integration(id: integrationID)
            }
            guard record?.workspaceID == workspaceID else {
                throw ServiceError(.notFound, "integration \(integrationID): not found in workspace '\(reference)'")
            }
        }
        return NetworkFilter(
            workspaceID: workspaceID,
            integrationID: integrationID,
            status: storedStatus,
            afterID: cursor
        )
    }

    /// One network of the caller's workspaces; another workspace's ids are "not found".
    package func get(_ caller: Caller, id: Int64) throws(ServiceError) -> NetworkSummary {
        let listing = try context.store { () throws(StorageError) in try context.database.network(id: id) }
        let notFound = ServiceError(.notFound, "network \(id): not found")
        guard let listing else { throw notFound }
        do {
            try context.authorize(caller, workspaceID: listing.network.workspaceID, for: .read)
        } catch  where error.code == .notFound {
            throw notFound
        }
        return NetworkSummary(listing)
    }
}
