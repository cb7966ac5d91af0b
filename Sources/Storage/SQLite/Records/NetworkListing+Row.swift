import Foundation
import GRDB

extension NetworkListing {
    /// Reads a row of `ListingQuery` by column position, in its SELECT's order.
    init(listingRow row: Row) throws {
        // The status read as text and matched here: GRDB's generic path for a raw-value enum costs a lookup per row.
        let status: String = row[8]
        guard let provisioningStatus = NetworkStatus(rawValue: status) else {
            throw DatabaseError(message: "networks.provisioning_status: unknown value '\(status)'")
        }
        self.init(
            network: NetworkRecord(
                id: row[0],
                workspaceID: row[1],
                integrationID: row[2],
                externalID: row[3],
                name: row[4],
                organizationID: row[5],
                config: row[6],
                contentHash: row[7],
                provisioningStatus: provisioningStatus,
                createdAt: StoredDate.read(row, atIndex: 9),
                updatedAt: StoredDate.read(row, atIndex: 10),
                lastSeenAt: StoredDate.read(row, atIndex: 11)
            ),
            provider: row[12],
            integrationName: row[13]
        )
    }
}
