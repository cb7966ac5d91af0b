import Foundation
import Secrets
import Storage

/// The keyring kept in a shared database (PostgreSQL): what `KeyStore` reads and writes instead of the data
/// directory's file, so every instance on the database uses, and rotates, the same keys.
struct DatabaseKeyring: SealedKeyringStorage {
    let database: any SharedKeyringStore
    let keyringDescription: String

    func readSealedKeyring() throws -> [UInt8]? {
        try database.sealedKeyring().map { [UInt8]($0) }
    }

    func createSealedKeyring(_ sealed: [UInt8]) throws -> Bool {
        try database.createSealedKeyring(Data(sealed))
    }

    func replaceSealedKeyring(_ sealed: [UInt8]) throws {
        try database.replaceSealedKeyring(Data(sealed))
    }
}
