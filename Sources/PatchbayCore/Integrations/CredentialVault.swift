import Foundation
import JSONText
import Storage

/// Turns credentials into envelopes and back, binding each envelope to its workspace and integration so a
/// ciphertext copied to another row fails to open. Plaintext bytes are wiped as soon as they were used.
struct CredentialVault: Sendable {
    let cipher: any CredentialCipher

    static func context(workspaceID: Int64, integrationID: Int64) -> String {
        "patchbay/credentials/v1 workspace=\(workspaceID) integration=\(integrationID)"
    }

    func seal(
        _ credentials: [String: String],
        workspaceID: Int64,
        integrationID: Int64
    ) throws(ServiceError) -> (ciphertext: Data, keyID: String) {
        var plaintext = try Self.encode(credentials)
        defer { plaintext.wipe() }
        let sealed = try cipher.seal(
            plaintext,
            context: Self.context(workspaceID: workspaceID, integrationID: integrationID)
        )
        return (Data(sealed.ciphertext), sealed.keyID)
    }

    func open(_ integration: IntegrationRecord) throws(ServiceError) -> [String: String] {
        let context = Self.context(workspaceID: integration.workspaceID, integrationID: integration.id ?? 0)
        var plaintext: [UInt8]
        do {
            plaintext = try cipher.open(Array(integration.credentialsCiphertext), context: context)
        } catch {
            throw ServiceError(
                error.code,
                "integration \(integration.id ?? 0): credentials cannot be decrypted (\(error.message)); re-create the integration"
            )
        }
        defer { plaintext.wipe() }
        guard let fields = try? JSONDecoder().decode([String: String].self, from: Data(plaintext)) else {
            throw ServiceError(
                .internal,
                "integration \(integration.id ?? 0): stored credentials are not a JSON object"
            )
        }
        return fields
    }

    private static func encode(_ credentials: [String: String]) throws(ServiceError) -> [UInt8] {
        JSONWriter.bytes(of: credentials)
    }
}

extension Array where Element == UInt8 {
    /// Overwrites the bytes in place before they are released.
    mutating func wipe() {
        for index in indices { self[index] = 0 }
    }
}
