/// Named 256-bit data keys, one of them current: new envelopes use the current key, and any key still held opens
/// the envelopes sealed under it, so rotation never strands a credential.
///
/// Key ids are `k` plus 8 random hex digits (`k3f9a02c1`), so an envelope from another installation or a lost keyring
/// fails as "unknown key" rather than as a tag mismatch. A keyring is an immutable value; changes return a new one.
package struct Keyring: Sendable, CustomStringConvertible {
    /// The key new envelopes are sealed with.
    package let currentKeyID: String
    /// Every key id held, oldest first; the current key is last.
    package let keyIDs: [String]
    private let keys: [String: SecretBytes]

    /// A keyring of `keys` (oldest first) whose last key is current. Ids must be unique, 1 to 64 printable ASCII.
    init(keys: [(id: String, key: SecretBytes)]) throws {
        guard let current = keys.last else {
            throw SecretsError(.invalidKeyringChange("holds no key; a keyring needs a current key"))
        }
        var byID: [String: SecretBytes] = [:]
        for (id, key) in keys {
            guard Self.isValidKeyID(id), key.count == AES256GCM.keyByteCount, byID[id] == nil else {
                throw SecretsError(.invalidKeyringChange("key '\(id)' is a duplicate, badly named or not 32 bytes"))
            }
            byID[id] = key
        }
        self.currentKeyID = current.id
        self.keyIDs = keys.map(\.id)
        self.keys = byID
    }

    /// A new keyring holding one fresh random key.
    package static func generate() throws -> Keyring {
        try Keyring(keys: [(try newKeyID(avoiding: []), try SecretBytes.random(count: AES256GCM.keyByteCount))])
    }

    /// This keyring plus a fresh random key, which becomes current. Older keys stay to open older envelopes.
    package func rotated() throws -> Keyring {
        let fresh = (id: try Self.newKeyID(avoiding: Set(keyIDs)), key: try SecretBytes.random(count: 32))
        return try Keyring(keys: orderedKeys + [fresh])
    }

    /// This keyring without `retired`. Retire a key only after every envelope sealed with it was re-sealed.
    package func retiring(_ retired: some Sequence<String>) throws -> Keyring {
        let retired = Set(retired)
        guard !retired.contains(currentKeyID) else {
            throw SecretsError(.invalidKeyringChange("cannot retire the current key '\(currentKeyID)'; rotate first"))
        }
        if let unknown = retired.subtracting(keyIDs).sorted().first {
            throw SecretsError(.invalidKeyringChange("cannot retire '\(unknown)', which it does not hold"))
        }
        return try Keyring(keys: orderedKeys.filter { !retired.contains($0.id) })
    }

    /// This keyring with only its current key: the last step of `patchbay keys rotate`.
    package func retiringAllButCurrent() throws -> Keyring {
        try retiring(keyIDs.filter { $0 != currentKeyID })
    }

    package var description: String {
        "Keyring(current: \(currentKeyID), keys: \(keyIDs.joined(separator: ", ")))"
    }

    /// The key named `id`, or nil when this keyring does not hold it.
    func key(for id: String) -> SecretBytes? {
        keys[id]
    }

    var orderedKeys: [(id: String, key: SecretBytes)] {
        keyIDs.compactMap { id in keys[id].map { (id, $0) } }
    }

    static func isValidKeyID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.utf8.allSatisfy { (0x21...0x7e).contains($0) }
    }

    private static func newKeyID(avoiding taken: Set<String>) throws -> String {
        while true {
            let id = "k" + Digest.hex(try SecureRandom.bytes(count: 4))
            if !taken.contains(id) { return id }
        }
    }
}
