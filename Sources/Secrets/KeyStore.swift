package import Foundation

/// Loads and saves the keyring of data keys, encrypted under a master key, in the data directory.
///
/// Two levels, so the data keys can rotate without touching where the master key lives:
/// - The master key (32 bytes) comes from `PATCHBAY_MASTER_KEY` (base64 or hex) when that is set, else from
///   `<data>/master.key` (base64), created with mode 0600 on first use and refused when group or others can read it.
/// - `<data>/keyring` holds every data key, sealed as an ``Envelope`` under the master key (key id `master`,
///   associated data `patchbay/v1 keyring`). It is replaced atomically (temp file, fsync, rename, directory fsync).
///
/// `patchbay keys rotate` runs: `load()`, `rotated()`, `save(_:)` (the new key is on disk before any row uses it),
/// re-seal every credential in one database transaction, then `save(retiringAllButCurrent())`. A crash at any point
/// leaves every row openable, because a key is retired only after no row needs it.
package struct KeyStore: Sendable {
    package static let masterKeyVariable = "PATCHBAY_MASTER_KEY"
    package static let masterKeyFileName = "master.key"
    package static let keyringFileName = "keyring"
    static let keyringAssociatedData = "patchbay/v1 keyring"

    package let dataDirectory: URL
    /// Where ``load()`` and ``save(_:)`` get the master key; fixed when the store is made.
    package let masterKeySource: MasterKeySource
    /// The variable's text, held redacted so printing or dumping a store never shows it.
    let environmentKey: SecretBytes?
    /// Where the sealed keyring lives: the data directory's file unless the caller names another place.
    let keyring: any SealedKeyringStorage

    /// A store in `dataDirectory`; `environment` is usually `ProcessInfo.processInfo.environment`.
    /// `masterKeyFile` (`--master-key-file`) names a key file that must exist (never created); the variable still
    /// wins when set. `keyring` replaces the data directory's keyring file (a shared database's keyring).
    package init(
        dataDirectory: URL,
        environment: [String: String],
        masterKeyFile: String? = nil,
        keyring: (any SealedKeyringStorage)? = nil
    ) {
        self.dataDirectory = dataDirectory
        self.environmentKey = environment[Self.masterKeyVariable].map { SecretBytes(utf8: $0) }
        if environmentKey != nil {
            masterKeySource = .environment(variable: Self.masterKeyVariable)
        } else if let masterKeyFile {
            masterKeySource = .givenFile(path: masterKeyFile)
        } else {
            masterKeySource = .keyFile(path: dataDirectory.appendingPathComponent(Self.masterKeyFileName).path)
        }
        self.keyring =
            keyring ?? KeyringFile(path: dataDirectory.appendingPathComponent(Self.keyringFileName).path)
    }

    /// How messages name the keyring: its file's path, or the database holding it.
    package var keyringPath: String { keyring.keyringDescription }

    /// Whether a keyring is stored yet.
    package func keyringExists() throws -> Bool {
        try keyring.readSealedKeyring() != nil
    }

    /// The stored keyring; on first use creates the data directory, the master key file (unless the variable is
    /// set) and a keyring with one fresh key.
    package func load() throws -> Keyring {
        try ProtectedFile.createDirectory(path: dataDirectory.path)
        let sealed = try keyring.readSealedKeyring()
        let master = try masterKey(keyringExists: sealed != nil)
        guard let sealed else {
            let fresh = try Keyring.generate()
            if try keyring.createSealedKeyring(try seal(fresh, with: master)) {
                return fresh
            }
            return try load()  // another process created it first: use theirs
        }
        return try open(sealed, with: master)
    }

    /// Replaces the stored keyring with `keyring`, atomically.
    package func save(_ keyring: Keyring) throws {
        try ProtectedFile.createDirectory(path: dataDirectory.path)
        let exists = try self.keyring.readSealedKeyring() != nil
        let master = try masterKey(keyringExists: exists)
        try self.keyring.replaceSealedKeyring(try seal(keyring, with: master))
    }

    private func seal(_ keyring: Keyring, with master: Keyring) throws -> [UInt8] {
        let plaintext = try keyring.encoded()
        defer { plaintext.wipe() }
        return try Envelope.seal(plaintext: plaintext, aad: Self.keyringAssociatedData, keyring: master).bytes
    }

    private func open(_ sealed: [UInt8], with master: Keyring) throws -> Keyring {
        let plaintext: SecretBytes
        do {
            plaintext = try Envelope.open(envelope: sealed, aad: Self.keyringAssociatedData, keyring: master)
        } catch let error as SecretsError {
            switch error.reason {
            case .associatedDataMismatch, .authenticationFailed:
                throw SecretsError(.keyringUndecryptable(path: keyringPath, masterKeySource: "\(masterKeySource)"))
            case .openSSL, .secretWiped, .io:
                throw error
            default:
                throw SecretsError(.malformedKeyring(path: keyringPath))
            }
        }
        defer { plaintext.wipe() }
        guard let keyring = try Keyring.decode(plaintext) else {
            throw SecretsError(.malformedKeyring(path: keyringPath))
        }
        return keyring
    }
}
