import COpenSSL
internal import Foundation

/// Plaintext secret bytes (a credential, a key) in memory that is wiped with `OPENSSL_cleanse` when released.
///
/// Never printable: `description`, `debugDescription` and `dump` show `<redacted>`. Read through ``withBytes(_:)``,
/// which hands out a copy and wipes that copy when the closure returns (unless the closure kept it).
package final class SecretBytes: @unchecked Sendable {  // `storage` and `isWiped` are only touched under `lock`
    private let lock = NSLock()
    private let storage: UnsafeMutableRawBufferPointer
    private var isWiped = false

    /// The number of secret bytes; stays the same after ``wipe()``.
    package let count: Int

    /// Copies `bytes` (an array, `Data`, a string's `utf8`) straight into wiped-on-release memory. The caller's
    /// copy is the caller's to wipe; ``init(wiping:)`` does that for arrays.
    package init(_ bytes: some Collection<UInt8>) {
        self.count = bytes.count
        self.storage = .allocate(byteCount: max(bytes.count, 1), alignment: 1)
        storage.copyBytes(from: bytes)
    }

    /// Copies the UTF-8 of `string`. Swift strings cannot be wiped, so prefer building from bytes where possible.
    package convenience init(utf8 string: String) {
        self.init(string.utf8)
    }

    /// Moves `bytes` into wiped-on-release memory and wipes `bytes`, leaving it empty.
    package convenience init(wiping bytes: inout [UInt8]) {
        self.init(bytes)
        Self.cleanse(&bytes)
        bytes = []
    }

    /// Fills fresh memory with `count` bytes from `RAND_bytes`.
    static func random(count: Int) throws -> SecretBytes {
        let secret = SecretBytes(repeatElement(0, count: count))
        try OpenSSLCall.check("RAND_bytes", RAND_bytes(secret.storage.baseAddress, Int32(count)))
        return secret
    }

    deinit {
        OPENSSL_cleanse(storage.baseAddress, storage.count)
        storage.deallocate()
    }

    /// Overwrites the bytes now rather than at release; later reads throw ``SecretsError/Reason/secretWiped``.
    package func wipe() {
        lock.withLock {
            OPENSSL_cleanse(storage.baseAddress, storage.count)
            isWiped = true
        }
    }

    /// Calls `body` with a copy of the bytes and wipes the copy afterwards (when `body` did not keep it).
    package func withBytes<Result>(_ body: ([UInt8]) throws -> Result) throws -> Result {
        var copy = try withUnsafeBytes { Array($0) }
        defer { Self.cleanse(&copy) }
        return try body(copy)
    }

    /// Calls `body` with the bytes in place, holding the lock; for the OpenSSL wrappers in this folder only.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
        try lock.withLock {
            guard !isWiped else { throw SecretsError(.secretWiped) }
            return try body(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
        }
    }

    /// Calls `body` with the bytes in place for writing, holding the lock; for the OpenSSL wrappers only.
    func withUnsafeMutableBytes<Result>(_ body: (UnsafeMutableRawBufferPointer) throws -> Result) throws -> Result {
        try lock.withLock {
            guard !isWiped else { throw SecretsError(.secretWiped) }
            return try body(UnsafeMutableRawBufferPointer(rebasing: storage[0..<count]))
        }
    }

    /// Wipes an array in place with `OPENSSL_cleanse`, which the compiler may not optimise away.
    static func cleanse(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
    }
}

extension SecretBytes: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    package var description: String { "<redacted>" }
    package var debugDescription: String { "SecretBytes(<redacted>)" }
    package var customMirror: Mirror { Mirror(self, children: [], displayStyle: .class) }
}
