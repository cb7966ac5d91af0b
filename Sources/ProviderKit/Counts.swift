/// What `counts` found, per organization; totals are the sums.
public struct Counts: Sendable, Equatable {
    public var organizations: [Organization]

    public init(organizations: [Organization]) {
        self.organizations = organizations
    }

    public var networks: Int { organizations.reduce(0) { $0 + $1.networks } }
    public var accessPoints: Int { organizations.reduce(0) { $0 + $1.accessPoints } }

    /// The counts of one organization.
    public struct Organization: Sendable, Equatable {
        public var id: String
        public var networks: Int
        public var accessPoints: Int

        public init(id: String, networks: Int, accessPoints: Int) {
            self.id = id
            self.networks = networks
            self.accessPoints = accessPoints
        }
    }
}
