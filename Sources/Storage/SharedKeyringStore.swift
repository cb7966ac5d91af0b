package import Foundation

/// A store that keeps the sealed keyring itself (PostgreSQL, issue 12): instances on several machines share one
/// database, so they must share its keyring too. Only sealed bytes are stored; the master key never reaches the
/// database. SQLite keeps the keyring in the data directory's file beside it.
package protocol SharedKeyringStore: Sendable {
    func sealedKeyring() throws(StorageError) -> Data?
    /// Stores the first keyring; false when another instance stored one first.
    func createSealedKeyring(_ sealed: Data) throws(StorageError) -> Bool
    func replaceSealedKeyring(_ sealed: Data) throws(StorageError)
}
