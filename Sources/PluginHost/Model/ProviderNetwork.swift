/// One network as a provider lists it.
package struct ProviderNetwork: Sendable, Equatable {
    package var externalID: String
    package var name: String
    package var organizationID: String
    package var productTypes: [String]
    package var tags: [String]
    package var timeZone: String?
    package var url: String?
    /// The provider's object as canonical JSON text (sorted keys), so unchanged objects compare equal.
    package var raw: String

    package init(
        externalID: String,
        name: String,
        organizationID: String,
        productTypes: [String] = [],
        tags: [String] = [],
        timeZone: String? = nil,
        url: String? = nil,
        raw: String
    ) {
        self.externalID = externalID
        self.name = name
        self.organizationID = organizationID
        self.productTypes = productTypes
        self.tags = tags
        self.timeZone = timeZone
        self.url = url
        self.raw = raw
    }
}
