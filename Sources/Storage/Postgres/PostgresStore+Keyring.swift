package import Foundation
import PostgresNIO

/// The sealed keyring, one row of `keyring`.
extension PostgresStore: SharedKeyringStore {
    package func sealedKeyring() throws(StorageError) -> Data? {
        try read { db in try db.value("SELECT sealed FROM keyring WHERE id = 1", as: Data.self) }
    }

    package func createSealedKeyring(_ sealed: Data) throws(StorageError) -> Bool {
        try read { db in
            try db.execute("INSERT INTO keyring (id, sealed) VALUES (1, \(sealed)) ON CONFLICT (id) DO NOTHING") == 1
        }
    }

    package func replaceSealedKeyring(_ sealed: Data) throws(StorageError) {
        try read { db in
            try db.execute(
                "INSERT INTO keyring (id, sealed) VALUES (1, \(sealed)) ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed"
            )
        }
    }
}
