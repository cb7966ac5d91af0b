import COpenSSL

/// Random bytes from OpenSSL's CSPRNG (`RAND_bytes`), for nonces and key ids. Keys use ``SecretBytes/random(count:)``.
enum SecureRandom {
    static func bytes(count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        try OpenSSLCall.check("RAND_bytes", RAND_bytes(&bytes, Int32(count)))
        return bytes
    }
}
