import COpenSSL

/// Comparison whose time does not depend on where two byte strings differ (`CRYPTO_memcmp`).
package enum ConstantTime {
    /// True when `lhs` and `rhs` hold the same bytes. Lengths are not secret: different lengths return at once.
    package static func equals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        let lhs = Array(lhs)
        let rhs = Array(rhs)
        guard lhs.count == rhs.count else { return false }
        guard !lhs.isEmpty else { return true }
        return CRYPTO_memcmp(lhs, rhs, lhs.count) == 0
    }
}
