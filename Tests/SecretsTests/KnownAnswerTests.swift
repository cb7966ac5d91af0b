import Secrets
import Testing

/// Published vectors, so the OpenSSL wrappers are checked against the algorithms and not only against themselves.
@Suite struct KnownAnswerTests {
    /// The GCM specification's test case 16 (AES-256, 96-bit IV, 20 bytes of AAD), also in NIST's GCM validation set.
    @Test func aes256GCMMatchesTestCase16() throws {
        let key = SecretBytes(try hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"))
        let nonce = try hex("cafebabefacedbaddecaf888")
        let aad = try hex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
        let plaintext = try hex(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"
        )
        let ciphertext = try hex(
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
        )
        let tag = try hex("76fc6ece0f4e1768cddf8853bb2d551b")

        let sealed = try AES256GCM.seal(key: key, nonce: nonce, aad: aad, plaintext: SecretBytes(plaintext))
        #expect(sealed.ciphertext == ciphertext)
        #expect(sealed.tag == tag)

        let opened = try #require(
            try AES256GCM.open(key: key, nonce: nonce, aad: aad, ciphertext: ciphertext, tag: tag)
        )
        #expect(try opened.withBytes { $0 } == plaintext)
    }

    /// Test case 13: all-zero key and nonce, empty plaintext and AAD; only the tag is produced.
    @Test func aes256GCMMatchesTestCase13() throws {
        let key = SecretBytes([UInt8](repeating: 0, count: 32))
        let nonce = [UInt8](repeating: 0, count: 12)
        let sealed = try AES256GCM.seal(key: key, nonce: nonce, aad: [], plaintext: SecretBytes([]))
        #expect(sealed.ciphertext.isEmpty)
        #expect(sealed.tag == (try hex("530f8afbc74536b9a963b4f1c4cb738b")))
    }

    @Test func aes256GCMRejectsAlteredTag() throws {
        let key = SecretBytes([UInt8](repeating: 7, count: 32))
        let nonce = [UInt8](repeating: 1, count: 12)
        let sealed = try AES256GCM.seal(key: key, nonce: nonce, aad: [1], plaintext: SecretBytes([1, 2, 3]))
        var tag = sealed.tag
        tag[0] ^= 1
        #expect(try AES256GCM.open(key: key, nonce: nonce, aad: [1], ciphertext: sealed.ciphertext, tag: tag) == nil)
    }

    @Test func sha256MatchesFIPS180Vectors() {
        #expect(Digest.sha256Hex("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digest.sha256("abc".utf8).count == 32)
    }

    @Test func hexIsLowercaseTwoDigitsPerByte() {
        #expect(Digest.hex([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
    }

    @Test func constantTimeEqualsComparesContentAndLength() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equals([UInt8](), []))
    }

    private func hex(_ text: String) throws -> [UInt8] {
        let digits = Array(text.utf8)
        return try stride(from: 0, to: digits.count, by: 2).map { index in
            try #require(UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16))
        }
    }
}
