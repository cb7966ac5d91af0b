import Foundation
import Secrets
import Synchronization

/// The production `CredentialCipher`: AES-256-GCM envelopes under the data directory's keyring (Secrets module).
package final class KeyringCipher: CredentialCipher {
    private let store: KeyStore
    private let keyring: Mutex<Keyring>

    /// Loads the keyring, creating the master key and keyring on first use.
    package init(dataDirectory: String, environment: [String: String]) throws(ServiceError) {
        let store = KeyStore(dataDirectory: URL(fileURLWithPath: dataDirectory), environment: environment)
        self.store = store
        keyring = Mutex(try Self.run { try store.load() })
    }

    package func seal(
        _ plaintext: [UInt8],
        context: String
    ) throws(ServiceError) -> (ciphertext: [UInt8], keyID: String) {
        // Sealing is rare (create, rotate): read the keyring from disk each time, so an envelope is never sealed
        // with a key that another process (`patchbay keys rotate`) has since retired.
        let current = try Self.run { try store.load() }
        keyring.withLock { $0 = current }
        let envelope = try Self.run {
            try Envelope.seal(plaintext: SecretBytes(plaintext), aad: context, keyring: current)
        }
        return (envelope.bytes, envelope.keyID)
    }

    package func open(_ envelope: [UInt8], context: String) throws(ServiceError) -> [UInt8] {
        do {
            return try openOnce(envelope, context: context)
        } catch let error as SecretsError where error.isUnknownKey {
            // Another process (`patchbay keys rotate`) may have rotated since this one loaded the keyring.
            let reloaded = try Self.run { try store.load() }
            keyring.withLock { $0 = reloaded }
            return try Self.run { try openOnce(envelope, context: context) }
        } catch {
            throw Self.serviceError(error)
        }
    }

    package func currentKeyID() throws(ServiceError) -> String {
        keyring.withLock { $0.currentKeyID }
    }

    package func beginRotation() throws(ServiceError) {
        // Saved before any row uses the new key, so a crash after this point strands nothing.
        let rotated = try Self.run { try store.load().rotated() }
        try Self.run { try store.save(rotated) }
        keyring.withLock { $0 = rotated }
    }

    package func retireKeys(except keyIDs: Set<String>) throws(ServiceError) {
        let current = keyring.withLock { $0 }
        let retired = current.keyIDs.filter { !keyIDs.contains($0) && $0 != current.currentKeyID }
        guard !retired.isEmpty else { return }
        let trimmed = try Self.run { try current.retiring(retired) }
        try Self.run { try store.save(trimmed) }
        keyring.withLock { $0 = trimmed }
    }

    package func digest(_ bytes: [UInt8]) -> String {
        Digest.sha256Hex(bytes)
    }

    private func openOnce(_ envelope: [UInt8], context: String) throws -> [UInt8] {
        let current = keyring.withLock { $0 }
        let plaintext = try Envelope.open(envelope: envelope, aad: context, keyring: current)
        defer { plaintext.wipe() }
        return try plaintext.withBytes { Array($0) }
    }

    private static func run<T>(_ body: () throws -> T) throws(ServiceError) -> T {
        do {
            return try body()
        } catch {
            throw serviceError(error)
        }
    }

    private static func serviceError(_ error: any Error) -> ServiceError {
        if let error = error as? ServiceError { return error }
        if let error = error as? SecretsError { return ServiceError(.internal, error.description) }
        return ServiceError(.internal, "secrets: \(error)")
    }
}

extension SecretsError {
    fileprivate var isUnknownKey: Bool {
        if case .unknownKeyID = reason { return true }
        return false
    }
}
