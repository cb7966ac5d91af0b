extension Keyring {
    private static let encodingVersion: UInt8 = 1

    /// The keyring as bytes, for sealing into the keyring file. Format version 1:
    ///
    ///     version (1) = 1 | key count N (1) | N × (id length L (1) | id (L) | key (32)), oldest first, current last
    func encoded() throws -> SecretBytes {
        let keys = orderedKeys
        guard keys.count <= Int(UInt8.max) else {
            throw SecretsError(.invalidKeyringChange("holds \(keys.count) keys, at most 255 fit; retire old keys"))
        }
        var bytes: [UInt8] = []
        // Reserved up front so appending never reallocates and leaves an unwiped copy of key bytes behind.
        bytes.reserveCapacity(2 + keys.reduce(0) { $0 + 1 + $1.id.utf8.count + AES256GCM.keyByteCount })
        bytes += [Self.encodingVersion, UInt8(keys.count)]
        for (id, key) in keys {
            bytes.append(UInt8(id.utf8.count))
            bytes += id.utf8
            try key.withBytes { bytes += $0 }
        }
        return SecretBytes(wiping: &bytes)
    }

    /// Reads bytes made by ``encoded()``; nil when they are not such bytes.
    static func decode(_ encoded: SecretBytes) throws -> Keyring? {
        try encoded.withBytes { bytes -> Keyring? in
            guard bytes.count >= 2, bytes[0] == encodingVersion else { return nil }
            var keys: [(id: String, key: SecretBytes)] = []
            var offset = 2
            for _ in 0..<Int(bytes[1]) {
                guard offset < bytes.count else { return nil }
                let idEnd = offset + 1 + Int(bytes[offset])
                guard idEnd + AES256GCM.keyByteCount <= bytes.count else { return nil }
                let id = String(decoding: bytes[(offset + 1)..<idEnd], as: UTF8.self)
                keys.append((id, SecretBytes(bytes[idEnd..<idEnd + AES256GCM.keyByteCount])))
                offset = idEnd + AES256GCM.keyByteCount
            }
            guard offset == bytes.count else { return nil }
            return try? Keyring(keys: keys)
        }
    }
}
