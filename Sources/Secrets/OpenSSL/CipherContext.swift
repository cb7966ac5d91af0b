import COpenSSL

/// One `EVP_CIPHER_CTX`, owned for the length of one encryption or decryption and freed (and cleared) on release.
final class CipherContext {
    private let context: OpaquePointer

    init() throws {
        context = try OpenSSLCall.check("EVP_CIPHER_CTX_new", EVP_CIPHER_CTX_new())
    }

    deinit {
        EVP_CIPHER_CTX_free(context)  // also cleanses the expanded key schedule
    }

    /// Sets up AES-256-GCM with a 96-bit nonce for encrypting (`encrypt`) or decrypting.
    func initializeAES256GCM(key: SecretBytes, nonce: [UInt8], encrypt: Bool) throws {
        let initialize = encrypt ? EVP_EncryptInit_ex : EVP_DecryptInit_ex
        let name = encrypt ? "EVP_EncryptInit_ex" : "EVP_DecryptInit_ex"
        try OpenSSLCall.check(name, initialize(context, EVP_aes_256_gcm(), nil, nil, nil))
        guard nonce.count == AES256GCM.nonceByteCount else {
            throw SecretsError(.openSSL(function: name, detail: "nonce is \(nonce.count) bytes, not 12"))
        }
        let ivLength = Int32(nonce.count)
        try OpenSSLCall.check(
            "EVP_CIPHER_CTX_ctrl(GCM_SET_IVLEN)",
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, ivLength, nil)
        )
        try key.withUnsafeBytes { key in
            guard key.count == AES256GCM.keyByteCount else {
                throw SecretsError(.openSSL(function: name, detail: "key is \(key.count) bytes, not 32"))
            }
            let keyPointer = key.bindMemory(to: UInt8.self).baseAddress
            try OpenSSLCall.check(name, initialize(context, nil, nil, keyPointer, nonce))
        }
    }

    /// Feeds additional authenticated data; call before any ``update(_:into:)``.
    func authenticate(_ aad: [UInt8]) throws {
        guard !aad.isEmpty else { return }
        var written: Int32 = 0
        try OpenSSLCall.check("EVP_CipherUpdate(aad)", EVP_CipherUpdate(context, nil, &written, aad, Int32(aad.count)))
    }

    /// Encrypts or decrypts `input` into `output`, which must hold at least `input.count` bytes. GCM is a stream
    /// mode, so the whole result is written here and the final step writes nothing.
    func update(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws {
        guard input.count <= Int32.max, output.count >= input.count else {
            throw SecretsError(.openSSL(function: "EVP_CipherUpdate", detail: "input of \(input.count) bytes too long"))
        }
        guard !input.isEmpty else { return }
        var written: Int32 = 0
        let inPointer = input.bindMemory(to: UInt8.self).baseAddress
        let outPointer = output.bindMemory(to: UInt8.self).baseAddress
        try OpenSSLCall.check(
            "EVP_CipherUpdate",
            EVP_CipherUpdate(context, outPointer, &written, inPointer, Int32(input.count))
        )
    }

    /// Finishes an encryption and returns the 16-byte tag.
    func finishEncryption() throws -> [UInt8] {
        var scratch = [UInt8](repeating: 0, count: 16)
        var written: Int32 = 0
        try OpenSSLCall.check("EVP_EncryptFinal_ex", EVP_EncryptFinal_ex(context, &scratch, &written))
        var tag = [UInt8](repeating: 0, count: AES256GCM.tagByteCount)
        try OpenSSLCall.check(
            "EVP_CIPHER_CTX_ctrl(GCM_GET_TAG)",
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(tag.count), &tag)
        )
        return tag
    }

    /// Finishes a decryption against `tag`: true when it verifies, false when anything was altered.
    func finishDecryption(tag: [UInt8]) throws -> Bool {
        var expected = tag
        try OpenSSLCall.check(
            "EVP_CIPHER_CTX_ctrl(GCM_SET_TAG)",
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(expected.count), &expected)
        )
        var scratch = [UInt8](repeating: 0, count: 16)
        var written: Int32 = 0
        let verified = EVP_DecryptFinal_ex(context, &scratch, &written) > 0
        if !verified {
            _ = OpenSSLCall.drainErrorQueue()  // a failed tag is an answer, not an error to blame on a later call
        }
        return verified
    }
}
