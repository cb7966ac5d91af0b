import COpenSSL

/// SHA-256 through libcrypto, and lowercase hex; used to store API tokens hashed.
package enum Digest {
    /// The 32-byte SHA-256 of `bytes`.
    ///
    /// Does not throw: SHA-256 only fails when libcrypto itself is broken, and then nothing in Patchbay can run.
    package static func sha256(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var output = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        let result = EVP_Digest(input, input.count, &output, &length, EVP_sha256(), nil)
        precondition(result == 1 && length == 32, "OpenSSL EVP_Digest(SHA-256): \(OpenSSLCall.drainErrorQueue())")
        return output
    }

    /// The SHA-256 of `bytes` in lowercase hex (64 characters).
    package static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        hex(sha256(bytes))
    }

    /// `bytes` as lowercase hex, two characters a byte.
    package static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
