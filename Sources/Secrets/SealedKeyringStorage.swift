/// Where the sealed keyring lives. The data directory's `keyring` file by default; with a shared PostgreSQL database
/// (issue 12) a row of the database, so every instance sees the same keys and a rotation reaches all of them.
/// Only the sealed bytes pass through here: the keyring is opened and sealed under the master key by `KeyStore`.
package protocol SealedKeyringStorage: Sendable {
    /// How messages name it (a path, or the database's redacted URL).
    var keyringDescription: String { get }
    /// The sealed keyring, nil when none exists yet.
    func readSealedKeyring() throws -> [UInt8]?
    /// Stores the first keyring unless another process stored one first (then false, and theirs is used).
    func createSealedKeyring(_ sealed: [UInt8]) throws -> Bool
    /// Replaces the stored keyring, atomically.
    func replaceSealedKeyring(_ sealed: [UInt8]) throws
}

/// The data directory's `keyring` file (0600, replaced atomically).
struct KeyringFile: SealedKeyringStorage {
    let path: String

    var keyringDescription: String { path }

    func readSealedKeyring() throws -> [UInt8]? {
        try ProtectedFile.contents(ofPath: path, ownerOnly: false)
    }

    func createSealedKeyring(_ sealed: [UInt8]) throws -> Bool {
        try ProtectedFile.createExclusively(path: path, contents: sealed)
    }

    func replaceSealedKeyring(_ sealed: [UInt8]) throws {
        try ProtectedFile.replace(path: path, contents: sealed)
    }
}
