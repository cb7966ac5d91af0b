/// A credential field or a setting a provider declares.
package struct FieldDescriptor: Sendable, Codable, Equatable {
    package var name: String
    package var label: String
    package var description: String?
    package var defaultValue: String?
    package var isRequired: Bool
    package var isSecret: Bool

    package init(
        name: String,
        label: String,
        description: String? = nil,
        defaultValue: String? = nil,
        isRequired: Bool = false,
        isSecret: Bool = false
    ) {
        self.name = name
        self.label = label
        self.description = description
        self.defaultValue = defaultValue
        self.isRequired = isRequired
        self.isSecret = isSecret
    }

    enum CodingKeys: String, CodingKey {
        case name, label, description
        case defaultValue = "default"
        case isRequired = "required"
        case isSecret = "secret"
    }
}
