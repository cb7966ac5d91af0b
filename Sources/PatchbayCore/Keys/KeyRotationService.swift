import Foundation
import Logging
import Storage

/// What a key rotation did.
package struct RotationSummary: Sendable, Equatable, Codable {
    package var reencrypted: Int
    package var currentKeyID: String

    enum CodingKeys: String, CodingKey {
        case reencrypted
        case currentKeyID = "current_key_id"
    }
}

/// Re-encrypts every stored credential under a fresh key.
package struct KeyRotationService: Sendable {
    let context: CoreContext

    package init(context: CoreContext) {
        self.context = context
    }

    /// Adds a new current key (old keys keep opening), re-seals every credential in ONE transaction, and only then
    /// retires the keys no envelope needs. Interrupted at any point, every credential still opens with some key.
    /// Keys protect the whole installation, so only an owner of some workspace may rotate them.
    package func rotate(_ caller: Caller) async throws(ServiceError) -> RotationSummary {
        try await context.write { () throws(ServiceError) in
            let memberships = try context.store { () throws(StorageError) in
                try context.database.workspaces(forUser: caller.userID)
            }
            guard memberships.contains(where: { $0.role == .owner }) else {
                throw ServiceError(.permissionDenied, "keys rotate: only a workspace owner may rotate the keys")
            }
            try context.cipher.beginRotation()
            let cipher = context.cipher
            let count: Int
            do {
                count = try context.database.rewriteAllCredentials { record in
                    let envelopeContext = CredentialVault.context(
                        workspaceID: record.workspaceID,
                        integrationID: record.id ?? 0
                    )
                    var plaintext = try cipher.open(Array(record.credentialsCiphertext), context: envelopeContext)
                    defer { plaintext.wipe() }
                    let sealed = try cipher.seal(plaintext, context: envelopeContext)
                    return (Data(sealed.ciphertext), sealed.keyID)
                }
            } catch let error as ServiceError {
                throw error
            } catch let error as StorageError {
                throw ServiceError(error)
            } catch {
                throw ServiceError(.internal, "keys rotate: \(error)")
            }
            let inUse = try context.store { () throws(StorageError) in try context.database.keyIDsInUse() }
            try context.cipher.retireKeys(except: inUse)
            context.logger.info("keys rotated", metadata: ["reencrypted": "\(count)"])
            return RotationSummary(reencrypted: count, currentKeyID: try context.cipher.currentKeyID())
        }
    }
}
