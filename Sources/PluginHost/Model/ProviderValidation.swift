/// What `validate` learned about a set of credentials.
package struct ProviderValidation: Sendable, Equatable {
    /// One organization the credentials can see.
    package struct Organization: Sendable, Equatable {
        package var id: String
        package var name: String

        package init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// Who the credentials act as; never secret.
    package var account: String?
    package var organizations: [Organization]

    package init(account: String?, organizations: [Organization]) {
        self.account = account
        self.organizations = organizations
    }
}
