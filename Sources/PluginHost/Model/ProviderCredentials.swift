/// Credential values for one call, keyed by the provider's credential field names. Never printed.
package struct ProviderCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    package let fields: [String: String]

    package init(fields: [String: String]) {
        self.fields = fields
    }

    package var description: String { "<redacted>" }
    package var debugDescription: String { "<redacted>" }
}
