/// A provider call that did not succeed: the plugin's status and one-line message, or the host's reason.
package struct ProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    package let providerID: String
    package let status: ProviderStatus
    /// One line, never a secret: the host redacts the call's credentials from plugin messages.
    package let message: String

    package init(providerID: String, status: ProviderStatus, message: String) {
        self.providerID = providerID
        self.status = status
        self.message = message
    }

    package var description: String { "provider \(providerID): \(status): \(message)" }
}
