import Foundation
package import Secrets
package import Storage
import Synchronization

/// The production `CredentialCipher`: AES-256-GCM envelopes under the data directory's keyring (Secrets module).
package final class KeyringCipher: CredentialCipher {
    private let store: KeyStore
    private let keyring: Mutex<Keyring>
    /// The key ids stored envelopes name; asked only when the keyring file is missing.
    private let sealedKeyIDs: @Sendable () throws(ServiceError) -> Set<String>

    /// Loads the keyring, creating the master key and keyring on first use. `sealedKeyIDs` tells which keys stored
    /// credentials need: a missing keyring is created only when none do, since a fresh one could open none of them.
    package init(
        dataDirectory: String,
        environment: [String: String],
        masterKeyFile: String? = nil,
        keyring: (any SealedKeyringStorage)? = nil,
        sealedKeyIDs: @escaping @Sendable () throws(ServiceError) -> Set<String>
    ) throws(ServiceError) {
        let store = KeyStore(
            dataDirectory: URL(fileURLWithPath: dataDirectory),
            environment: environment,
            masterKeyFile: masterKeyFile,
            keyring: keyring
        )
        self.store = store
        self.sealedKeyIDs = sealedKeyIDs
        self.keyring = Mutex(try Self.load(store, sealedKeyIDs: sealedKeyIDs))
    }

    /// The keyring of `database`: in the database itself when it keeps one (PostgreSQL, shared by every instance),
    /// else in the data directory; refusing to replace a lost one while credentials need it.
    package convenience init(
        dataDirectory: String,
        environment: [String: String],
        masterKeyFile: String? = nil,
        database: any PatchbayStore,
        databaseName: String = ""
    ) throws(ServiceError) {
        let shared = (database as? any SharedKeyringStore).map {
            DatabaseKeyring(database: $0, keyringDescription: "\(databaseName) (keyring table)")
        }
        try self.init(
            dataDirectory: dataDirectory,
            environment: environment,
            masterKeyFile: masterKeyFile,
            keyring: shared
        ) { () throws(ServiceError) in
            do throws(StorageError) {
                return try database.keyIDsInUse()
            } catch {
                throw ServiceError(error)
            }
        }
    }

    private static func load(
        _ store: KeyStore,
        sealedKeyIDs: () throws(ServiceError) -> Set<String>
    ) throws(ServiceError) -> Keyring {
        if try !run({ try store.keyringExists() }) {
            let needed = try sealedKeyIDs()
            guard needed.isEmpty else {
                let keys = needed.sorted().map { "'\($0)'" }.joined(separator: ", ")
                throw ServiceError(
                    .failedPrecondition,
                    "\(store.keyringPath): missing, but stored credentials are sealed with key \(keys) from it; "
                        + "restore the keyring file from backup (a new keyring could open none of them), "
                        + "with the master key it was created with"
                )
            }
        }
        return try run { try store.load() }
    }

    package func seal(
        _ plaintext: [UInt8],
        context: String
    ) throws(ServiceError) -> (ciphertext: [UInt8], keyID: String) {
        // Sealing is rare (create, rotate): read the keyring from disk each time, so an envelope is never sealed
        // with a key that another process (`patchbay keys rotate`) has since retired.
        let current = try Self.load(store, sealedKeyIDs: sealedKeyIDs)
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
            let reloaded = try Self.load(store, sealedKeyIDs: sealedKeyIDs)
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
        let rotated = try Self.run { try Self.load(store, sealedKeyIDs: sealedKeyIDs).rotated() }
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
