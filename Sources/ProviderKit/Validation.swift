/// What `validate` found: whom the credentials act as and which organizations (accounts, tenants) they see.
public struct Validation: Sendable, Equatable {
    /// Who the credentials act as, never secret, e.g. an administrator's e-mail address.
    public var account: String
    public var organizations: [Organization]

    public init(account: String, organizations: [Organization]) {
        self.account = account
        self.organizations = organizations
    }

    /// An organization the credentials can see.
    public struct Organization: Sendable, Equatable {
        public var id: String
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }
}
