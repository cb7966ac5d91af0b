import PatchbayProviderABI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The credentials JSON of one call, `{"name":"value",...}` with sorted keys, in memory the host owns and zeroes
/// before it is released. Values are copied straight from the strings' UTF-8 storage, never into growable arrays.
enum SecretBuffer {
    /// Runs `body` with the credentials JSON, borrowed for the duration of one call, then zeroes it.
    ///
    /// The bytes live in a temporary allocation: on the stack when they are small (a few hundred bytes for
    /// typical credentials), so a call costs no heap allocation for them.
    static func with<Result>(_ credentials: ProviderCredentials, _ body: (patchbay_buffer) -> Result) -> Result {
        // Byte order, not String's Unicode ordering: cheaper, and the same on every platform.
        let fields = credentials.fields.sorted { Self.precedes($0.key, $1.key) }
        var length = 2 + max(fields.count - 1, 0)
        var escapes = 0
        for (name, value) in fields {
            let quotedName = Self.quotedLength(name)
            let quotedValue = Self.quotedLength(value)
            length += quotedName.total + 1 + quotedValue.total
            escapes += quotedName.escapes + quotedValue.escapes
        }
        // Credentials rarely need escapes; without any, each string is copied whole instead of byte by byte.
        let escaping = escapes > 0
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(length, 1)) { storage in
            defer {
                // explicit_bzero cannot be optimised away as a dead store.
                if let base = storage.baseAddress { explicit_bzero(base, storage.count) }
            }
            var cursor = 0
            func put(_ byte: UInt8) {
                storage[cursor] = byte
                cursor += 1
            }
            put(UInt8(ascii: "{"))
            for (index, (name, value)) in fields.enumerated() {
                if index > 0 { put(UInt8(ascii: ",")) }
                Self.quote(name, escaping: escaping, into: storage, at: &cursor)
                put(UInt8(ascii: ":"))
                Self.quote(value, escaping: escaping, into: storage, at: &cursor)
            }
            put(UInt8(ascii: "}"))
            return body(patchbay_buffer(data: UnsafePointer(storage.baseAddress), length: cursor))
        }
    }

    /// Runs `body` with exactly `bytes` (the conformance checker sends malformed credentials: not JSON, empty),
    /// borrowed for one call, then zeroes the copy.
    static func with<Result>(bytes: [UInt8], _ body: (patchbay_buffer) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { storage in
            defer {
                if let base = storage.baseAddress { explicit_bzero(base, storage.count) }
            }
            _ = storage.initialize(from: bytes)
            return body(patchbay_buffer(data: UnsafePointer(storage.baseAddress), length: bytes.count))
        }
    }

    /// Whether `a` sorts before `b` by UTF-8 bytes, compared in the strings' own storage.
    private static func precedes(_ a: String, _ b: String) -> Bool {
        let inPlace = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right in left.lexicographicallyPrecedes(right) }
        }
        return (inPlace ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// The bytes `text` takes as a JSON string literal, and how many of them its escapes add.
    private static func quotedLength(_ text: String) -> (total: Int, escapes: Int) {
        text.utf8.span.withUnsafeBufferPointer { bytes in
            guard needsEscaping(bytes) else { return (bytes.count + 2, 0) }
            var escapes = 0
            for byte in bytes {
                escapes += byte < 0x20 ? 5 : byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") ? 1 : 0
            }
            return (bytes.count + 2 + escapes, escapes)
        }
    }

    /// Whether any byte must be escaped in a JSON string (a control character, `"` or `\`), eight bytes at a time.
    ///
    /// The word tests are Bit Twiddling Hacks' `hasless` and `haszero`: never a false "no"; a false "yes" would only
    /// take the exact byte-by-byte count.
    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let raw = UnsafeRawBufferPointer(bytes)
        var offset = 0
        while offset + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
            let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
            let control = (word &- ones &* 0x20) & ~word
            let quote = (quotes &- ones) & ~quotes
            let backslash = (backslashes &- ones) & ~backslashes
            if (control | quote | backslash) & highs != 0 { return true }
            offset += 8
        }
        for byte in raw[offset...] where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            return true
        }
        return false
    }

    private static func quote(
        _ text: String,
        escaping: Bool,
        into storage: UnsafeMutableBufferPointer<UInt8>,
        at cursor: inout Int
    ) {
        storage[cursor] = UInt8(ascii: "\"")
        cursor += 1
        let bytes = text.utf8.span
        guard escaping else {
            bytes.withUnsafeBufferPointer { source in
                _ = UnsafeMutableBufferPointer(rebasing: storage[cursor..<cursor + source.count])
                    .initialize(fromContentsOf: source)
            }
            cursor += bytes.count
            storage[cursor] = UInt8(ascii: "\"")
            cursor += 1
            return
        }
        for offset in bytes.indices {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                storage[cursor] = UInt8(ascii: "\\")
                storage[cursor + 1] = byte
                cursor += 2
            } else if byte < 0x20 {
                for (position, escaped) in [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    Self.hex[Int(byte >> 4)],
                    Self.hex[Int(byte & 0x0F)],
                ].enumerated() {
                    storage[cursor + position] = escaped
                }
                cursor += 6
            } else {
                storage[cursor] = byte
                cursor += 1
            }
        }
        storage[cursor] = UInt8(ascii: "\"")
        cursor += 1
    }
}
