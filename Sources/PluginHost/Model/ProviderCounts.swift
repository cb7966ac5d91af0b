/// How many networks and access points the credentials can see, in total and per organization.
package struct ProviderCounts: Sendable, Equatable {
    /// Counts of one organization.
    package struct Organization: Sendable, Equatable {
        package var id: String
        package var networks: Int
        package var accessPoints: Int

        package init(id: String, networks: Int, accessPoints: Int) {
            self.id = id
            self.networks = networks
            self.accessPoints = accessPoints
        }
    }

    package var networks: Int
    package var accessPoints: Int
    package var organizations: [Organization]

    package init(networks: Int, accessPoints: Int, organizations: [Organization]) {
        self.networks = networks
        self.accessPoints = accessPoints
        self.organizations = organizations
    }
}
