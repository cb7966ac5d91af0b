import Foundation

/// A credential field a provider declares.
package struct CredentialField: Sendable, Equatable {
    package var name: String
    package var isRequired: Bool
    package var isSecret: Bool

    package init(name: String, isRequired: Bool, isSecret: Bool) {
        self.name = name
        self.isRequired = isRequired
        self.isSecret = isSecret
    }
}

/// One network as the provider lists it.
package struct UpstreamNetwork: Sendable, Equatable {
    package var externalID: String
    package var name: String
    package var organizationID: String?
    /// The provider's whole object as canonical JSON (sorted keys), so an unchanged object compares equal.
    package var raw: String

    package init(externalID: String, name: String, organizationID: String?, raw: String) {
        self.externalID = externalID
        self.name = name
        self.organizationID = organizationID
        self.raw = raw
    }
}

/// What the credentials can see, in numbers.
package struct NetworkCounts: Sendable, Equatable, Codable {
    package var networks: Int
    package var accessPoints: Int

    package init(networks: Int, accessPoints: Int) {
        self.networks = networks
        self.accessPoints = accessPoints
    }

    enum CodingKeys: String, CodingKey {
        case networks
        case accessPoints = "access_points"
    }
}

/// A provider the core can call: a loaded plugin in production. Errors are already `ServiceError`s that name the
/// provider.
package protocol NetworkProvider: Sendable {
    var id: String { get }
    var credentialFields: [CredentialField] { get }
    var supportsCounts: Bool { get }
    /// Refuses settings the provider does not declare, or that point outside the operator's allowed hosts.
    func checkSettings(_ settings: [String: String]) throws(ServiceError)
    func validate(credentials: [String: String], settings: [String: String]) async throws(ServiceError)
    /// Like `validate`, and says who the credentials act as and which organizations they see.
    func check(credentials: [String: String], settings: [String: String]) async throws(ServiceError) -> CredentialCheck
    /// Hands pages to `onPage` as they arrive and returns only once the listing is complete.
    func listNetworks(
        credentials: [String: String],
        settings: [String: String],
        onPage: @escaping @Sendable ([UpstreamNetwork]) throws -> Void
    ) async throws(ServiceError)
    func counts(credentials: [String: String], settings: [String: String]) async throws(ServiceError) -> NetworkCounts
}

extension NetworkProvider {
    /// A provider that cannot say more than yes or no.
    package func check(
        credentials: [String: String],
        settings: [String: String]
    ) async throws(ServiceError) -> CredentialCheck {
        try await validate(credentials: credentials, settings: settings)
        return CredentialCheck(account: nil, organizations: [])
    }
}

/// What a provider said about a set of credentials it accepted: never secret.
package struct CredentialCheck: Sendable, Equatable, Codable {
    package struct Organization: Sendable, Equatable, Codable {
        package var id: String
        package var name: String

        package init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    package var account: String?
    package var organizations: [Organization]

    package init(account: String?, organizations: [Organization]) {
        self.account = account
        self.organizations = organizations
    }
}

/// The providers this process has loaded.
package protocol ProviderDirectory: Sendable {
    func provider(id: String) -> (any NetworkProvider)?
    /// Every provider the process was configured with, including those that failed to load.
    var catalog: [ProviderSummary] { get }
}

/// Seals and opens credential envelopes. `context` is bound to the envelope as additional authenticated data.
package protocol CredentialCipher: Sendable {
    func seal(_ plaintext: [UInt8], context: String) throws(ServiceError) -> (ciphertext: [UInt8], keyID: String)
    func open(_ envelope: [UInt8], context: String) throws(ServiceError) -> [UInt8]
    /// The id of the key new envelopes are sealed with.
    func currentKeyID() throws(ServiceError) -> String
    /// Starts a rotation: a new current key, old keys still able to open.
    func beginRotation() throws(ServiceError)
    /// Forgets every key not in `keyIDs` once no envelope needs it.
    func retireKeys(except keyIDs: Set<String>) throws(ServiceError)
    /// SHA-256 of `bytes` in lowercase hex.
    func digest(_ bytes: [UInt8]) -> String
}
