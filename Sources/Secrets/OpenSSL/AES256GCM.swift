/// AES-256-GCM with a 96-bit nonce and a 128-bit tag, over ``CipherContext``.
///
/// ``Envelope`` is the production caller and draws a fresh random nonce per seal; the nonce is a parameter here only
/// so known-answer tests can check the cipher. Never seal twice with one key and one nonce.
package enum AES256GCM {
    package static let keyByteCount = 32
    package static let nonceByteCount = 12
    package static let tagByteCount = 16

    /// Encrypts `plaintext`, authenticating `aad` too.
    package static func seal(
        key: SecretBytes,
        nonce: [UInt8],
        aad: [UInt8],
        plaintext: SecretBytes
    ) throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        let context = try CipherContext()
        try context.initializeAES256GCM(key: key, nonce: nonce, encrypt: true)
        try context.authenticate(aad)
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count)
        try plaintext.withUnsafeBytes { input in
            try ciphertext.withUnsafeMutableBytes { try context.update(input, into: $0) }
        }
        return (ciphertext, try context.finishEncryption())
    }

    /// Decrypts and verifies; returns nil when the tag does not verify for this key, nonce, `aad` and ciphertext.
    package static func open(
        key: SecretBytes,
        nonce: [UInt8],
        aad: [UInt8],
        ciphertext: [UInt8],
        tag: [UInt8]
    ) throws -> SecretBytes? {
        guard tag.count == tagByteCount else { return nil }
        let context = try CipherContext()
        try context.initializeAES256GCM(key: key, nonce: nonce, encrypt: false)
        try context.authenticate(aad)
        let plaintext = SecretBytes(repeatElement(0, count: ciphertext.count))
        try ciphertext.withUnsafeBytes { input in
            try plaintext.withUnsafeMutableBytes { try context.update(input, into: $0) }
        }
        guard try context.finishDecryption(tag: tag) else {
            plaintext.wipe()  // never let unauthenticated plaintext outlive this call
            return nil
        }
        return plaintext
    }
}
