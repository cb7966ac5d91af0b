/// A network joined with the integration it came from.
package struct NetworkListing: Sendable, Equatable {
    package var network: NetworkRecord
    package var provider: String
    package var integrationName: String

    package init(network: NetworkRecord, provider: String, integrationName: String) {
        self.network = network
        self.provider = provider
        self.integrationName = integrationName
    }
}

/// Which of a workspace's networks a listing returns, in id order.
package struct NetworkFilter: Sendable, Equatable {
    package var workspaceID: Int64
    package var integrationID: Int64?
    package var status: NetworkStatus?
    /// Continues a previous page: only ids above this one.
    package var afterID: Int64?

    package init(workspaceID: Int64, integrationID: Int64? = nil, status: NetworkStatus? = nil, afterID: Int64? = nil) {
        self.workspaceID = workspaceID
        self.integrationID = integrationID
        self.status = status
        self.afterID = afterID
    }
}
