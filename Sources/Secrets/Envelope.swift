/// A sealed secret as stored in a row: AES-256-GCM ciphertext plus everything needed to open it but the key.
///
/// Format version 1, all lengths in bytes:
///
///     version (1) = 1 | key id length L (1) | key id (L, UTF-8) | associated-data fingerprint (4)
///     | nonce (12) | ciphertext (as long as the plaintext) | tag (16)
///
/// The header (version through fingerprint) is authenticated along with the caller's associated data, so no byte
/// of an envelope can change unnoticed. The fingerprint is the first 4 bytes of SHA-256 of the associated data; it is
/// a diagnostic only, there to tell "moved to another row" from "altered", and security rests on the GCM tag.
package struct Envelope: Sendable, Equatable {
    package static let formatVersion: UInt8 = 1
    static let fingerprintByteCount = 4

    /// The keyring key this envelope was sealed with; store it beside the envelope to find rows to re-encrypt.
    package let keyID: String
    let fingerprint: [UInt8]
    package let nonce: [UInt8]
    package let ciphertext: [UInt8]
    package let tag: [UInt8]

    init(keyID: String, fingerprint: [UInt8], nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) {
        self.keyID = keyID
        self.fingerprint = fingerprint
        self.nonce = nonce
        self.ciphertext = ciphertext
        self.tag = tag
    }

    /// Parses stored bytes (for instance a BLOB column's `Data`); throws when they cannot be an envelope.
    package init(bytes: some Collection<UInt8>) throws {
        let bytes = Array(bytes)
        let fixed = 2 + Self.fingerprintByteCount + AES256GCM.nonceByteCount + AES256GCM.tagByteCount
        guard let version = bytes.first, bytes.count >= fixed else {
            throw SecretsError(.truncatedEnvelope(length: bytes.count))
        }
        guard version == Self.formatVersion else { throw SecretsError(.unsupportedEnvelopeVersion(version)) }
        let keyIDLength = Int(bytes[1])
        guard bytes.count >= fixed + keyIDLength else { throw SecretsError(.truncatedEnvelope(length: bytes.count)) }
        let keyIDBytes = bytes[2..<2 + keyIDLength]
        let keyID = String(decoding: keyIDBytes, as: UTF8.self)
        guard keyIDLength > 0, keyID.utf8.elementsEqual(keyIDBytes) else { throw SecretsError(.malformedKeyID) }
        var offset = 2 + keyIDLength
        func take(_ count: Int) -> [UInt8] {
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }
        self.keyID = keyID
        self.fingerprint = take(Self.fingerprintByteCount)
        self.nonce = take(AES256GCM.nonceByteCount)
        self.ciphertext = take(bytes.count - offset - AES256GCM.tagByteCount)
        self.tag = take(AES256GCM.tagByteCount)
    }

    /// The stored form: header, nonce, ciphertext, tag.
    package var bytes: [UInt8] {
        header + nonce + ciphertext + tag
    }

    /// Version, key id and fingerprint: the part authenticated ahead of the caller's associated data.
    var header: [UInt8] {
        Self.header(keyID: keyID, fingerprint: fingerprint)
    }

    static func header(keyID: String, fingerprint: [UInt8]) -> [UInt8] {
        [formatVersion, UInt8(keyID.utf8.count)] + Array(keyID.utf8) + fingerprint
    }

    static func fingerprint(of aad: String) -> [UInt8] {
        Array(Digest.sha256(aad.utf8).prefix(fingerprintByteCount))
    }
}
