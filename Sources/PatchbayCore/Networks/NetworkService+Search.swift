import Storage

/// What a console network listing filters on; nil means "any".
package struct NetworkQuery: Sendable, Equatable {
    package var integrationID: Int64?
    package var status: String?
    package var organizationID: String?
    /// Part of the name, case-insensitive for ASCII letters.
    package var nameContains: String?

    package init(
        integrationID: Int64? = nil,
        status: String? = nil,
        organizationID: String? = nil,
        nameContains: String? = nil
    ) {
        self.integrationID = integrationID
        self.status = status
        self.organizationID = organizationID
        self.nameContains = nameContains
    }
}

/// How a network listing is ordered: a key and a direction (`-name` is by name, descending).
package struct NetworkSort: Sendable, Equatable {
    /// The orders a listing can be read in; every one ends with the id, so paging by cursor works in any.
    package enum Key: String, Sendable, CaseIterable {
        case id
        case name
        case status
        case updated
    }

    package var key: Key
    package var descending: Bool

    package init(key: Key = .id, descending: Bool = false) {
        self.key = key
        self.descending = descending
    }

    /// `name`, `-name`, `updated`, `-status`…; unknown is a 400 naming the choices.
    package init(parsing text: String) throws(ServiceError) {
        let descending = text.hasPrefix("-")
        guard let key = Key(rawValue: String(descending ? text.dropFirst() : text[...])) else {
            let keys = Key.allCases.map(\.rawValue).joined(separator: ", ")
            throw ServiceError(
                .invalidArgument,
                "sort '\(text)': unknown; use one of \(keys), optionally with a leading '-'"
            )
        }
        self.init(key: key, descending: descending)
    }
}

/// An organization a workspace's networks belong to.
package struct NetworkOrganization: Sendable, Equatable, Codable {
    package var id: String
    package var networks: Int
}

extension NetworkService {
    /// A page of the workspace's networks matching `query`, in `sort` order. The cursor is the id of the last
    /// network of the previous page, whatever the order.
    package func search(
        _ caller: Caller,
        workspace reference: String,
        query: NetworkQuery,
        sort: NetworkSort = NetworkSort(),
        after cursor: Int64? = nil,
        limit: Int = 100
    ) throws(ServiceError) -> NetworkPage {
        let workspaceID = try context.access(reference, caller: caller, for: .read).id
        let status = try query.status.map { (status) throws(ServiceError) in
            guard let stored = NetworkStatus(rawValue: status) else {
                throw ServiceError(.invalidArgument, "status '\(status)': unknown; use active or removed")
            }
            return stored
        }
        guard (1...Self.maximumPageSize).contains(limit) else {
            throw ServiceError(.invalidArgument, "limit \(limit): out of range; use 1 to \(Self.maximumPageSize)")
        }
        if let integrationID = query.integrationID {
            let record = try context.store { () throws(StorageError) in
                try context.database.integration(id: integrationID)
            }
            guard record?.workspaceID == workspaceID else {
                throw ServiceError(.notFound, "integration \(integrationID): not found in workspace '\(reference)'")
            }
        }
        let search = NetworkSearch(
            workspaceID: workspaceID,
            integrationID: query.integrationID,
            status: status,
            organizationID: query.organizationID,
            nameContains: query.nameContains,
            order: NetworkSearch.Order(rawValue: sort.key.rawValue) ?? .id,
            descending: sort.descending,
            afterID: cursor
        )
        let rows = try context.store { () throws(StorageError) in
            try context.database.searchNetworks(search, limit: limit + 1)
        }
        let page = rows.prefix(limit).map(NetworkSummary.init)
        return NetworkPage(networks: Array(page), nextCursor: rows.count > limit ? page.last?.id : nil)
    }

    /// The organizations of the workspace's networks, for a filter.
    package func organizations(
        _ caller: Caller,
        workspace reference: String
    ) throws(ServiceError)
        -> [NetworkOrganization]
    {
        let workspaceID = try context.access(reference, caller: caller, for: .read).id
        return try context.store { () throws(StorageError) in
            try context.database.networkOrganizations(workspaceID: workspaceID)
        }
        .map { NetworkOrganization(id: $0.id, networks: $0.networks) }
    }
}
