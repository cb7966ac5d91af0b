package import Foundation

/// The last live counts fetched for an integration, served while fresh instead of asking the provider again.
package struct CountsRecord: Codable, Sendable, Equatable {
    package var integrationID: Int64
    package var networks: Int
    package var accessPoints: Int
    package var fetchedAt: Date

    package init(integrationID: Int64, networks: Int, accessPoints: Int, fetchedAt: Date) {
        self.integrationID = integrationID
        self.networks = networks
        self.accessPoints = accessPoints
        self.fetchedAt = fetchedAt
    }

    enum CodingKeys: String, CodingKey {
        case networks
        case integrationID = "integration_id"
        case accessPoints = "access_points"
        case fetchedAt = "fetched_at"
    }
}
