import PatchbayProviderABI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The credentials JSON of one call, `{"name":"value",...}` with sorted keys, in memory the host owns and zeroes
/// when the call is over. Values are copied straight from the strings' UTF-8 storage, never into growable arrays.
final class SecretBuffer {
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private let length: Int

    /// Exactly `bytes`, as the conformance checker sends malformed credentials (not JSON, empty).
    init(bytes: [UInt8]) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = storage.initialize(from: bytes)
        self.storage = storage
        self.length = bytes.count
    }

    init(credentials: ProviderCredentials) {
        // Byte order, not String's Unicode ordering: cheaper, and the same on every platform.
        let fields = credentials.fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        var length = 2 + max(fields.count - 1, 0)
        for (name, value) in fields {
            length += Self.quotedLength(name) + 1 + Self.quotedLength(value)
        }
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(length, 1))
        var cursor = 0
        func put(_ byte: UInt8) {
            storage[cursor] = byte
            cursor += 1
        }
        put(UInt8(ascii: "{"))
        for (index, (name, value)) in fields.enumerated() {
            if index > 0 { put(UInt8(ascii: ",")) }
            Self.quote(name, into: storage, at: &cursor)
            put(UInt8(ascii: ":"))
            Self.quote(value, into: storage, at: &cursor)
        }
        put(UInt8(ascii: "}"))
        self.storage = storage
        self.length = cursor
    }

    /// Borrowed by the plugin for the duration of one call.
    var buffer: patchbay_buffer {
        patchbay_buffer(data: UnsafePointer(storage.baseAddress), length: length)
    }

    deinit {
        // explicit_bzero cannot be optimised away as a dead store.
        if let base = storage.baseAddress { explicit_bzero(base, storage.count) }
        storage.deallocate()
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func quotedLength(_ text: String) -> Int {
        var text = text  // withUTF8 needs a var; a native string is not copied
        return text.withUTF8 { bytes in
            var count = 2
            for byte in bytes {
                count += byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") ? 2 : byte < 0x20 ? 6 : 1
            }
            return count
        }
    }

    private static func quote(_ text: String, into storage: UnsafeMutableBufferPointer<UInt8>, at cursor: inout Int) {
        var text = text
        storage[cursor] = UInt8(ascii: "\"")
        cursor += 1
        text.withUTF8 { bytes in
            for byte in bytes {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    storage[cursor] = UInt8(ascii: "\\")
                    storage[cursor + 1] = byte
                    cursor += 2
                } else if byte < 0x20 {
                    for (offset, escaped) in [
                        UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                        Self.hex[Int(byte >> 4)],
                        Self.hex[Int(byte & 0x0F)],
                    ].enumerated() {
                        storage[cursor + offset] = escaped
                    }
                    cursor += 6
                } else {
                    storage[cursor] = byte
                    cursor += 1
                }
            }
        }
        storage[cursor] = UInt8(ascii: "\"")
        cursor += 1
    }
}
