/// One upstream network as a sync hands it to storage.
package struct SyncedNetwork: Sendable, Equatable {
    package var externalID: String
    package var name: String
    package var organizationID: String?
    package var config: String
    /// Digest of everything stored for the network; equal digests mean nothing to write.
    package var contentHash: String

    package init(externalID: String, name: String, organizationID: String?, config: String, contentHash: String) {
        self.externalID = externalID
        self.name = name
        self.organizationID = organizationID
        self.config = config
        self.contentHash = contentHash
    }
}

/// Where a sync's pages come from. `nextPage` blocks until a page arrives, returns nil once the provider reported the
/// listing complete, and throws when the listing failed (the transaction then rolls back).
package protocol NetworkPageSource {
    func nextPage() throws -> [SyncedNetwork]?
}

/// What one sync changed.
package struct SyncTally: Sendable, Equatable {
    package var created = 0
    package var updated = 0
    package var unchanged = 0
    package var removed = 0

    package init(created: Int = 0, updated: Int = 0, unchanged: Int = 0, removed: Int = 0) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
        self.removed = removed
    }
}
