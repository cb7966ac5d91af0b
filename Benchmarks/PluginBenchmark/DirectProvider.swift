import PluginHost

/// The C example's validate written as a plain Swift call: the same answer, with no boundary to cross.
enum DirectProvider {
    @inline(never)
    static func validate(credentials: ProviderCredentials, greeting: String) -> ProviderValidation? {
        guard let token = credentials.fields["token"], !token.isEmpty, token != "bad" else { return nil }
        return ProviderValidation(
            account: "\(greeting) from the example provider",
            organizations: [
                ProviderValidation.Organization(id: "org-1", name: "Example Org One"),
                ProviderValidation.Organization(id: "org-2", name: "Example Org Two"),
                ProviderValidation.Organization(id: "org-3", name: "Example Org Three"),
            ]
        )
    }
}
