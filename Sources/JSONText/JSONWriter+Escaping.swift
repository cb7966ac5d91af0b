/// How every string is escaped (RFC 8259): `"` and `\` with a backslash, a line feed as `\n`, any other control
/// character as `\u00XX`, everything else as its UTF-8 bytes. These are the rules of the host's canonical form, whose
/// text a network's content digest is taken over: changing them would mark every stored network as changed.
extension JSONWriter {
    /// Emits `text` as a JSON string literal, quotes included, one byte at a time (so a caller can fill memory it
    /// owns and zeroes, as the host does for credentials).
    package static func quote(_ text: String, _ emit: (UInt8) -> Void) {
        quote(utf8: text.utf8, emit)
    }

    /// `quote` over UTF-8 bytes that are already known to be valid (a parsed document's own bytes).
    static func quote(utf8: some Sequence<UInt8>, _ emit: (UInt8) -> Void) {
        emit(UInt8(ascii: "\""))
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                emit(UInt8(ascii: "\\"))
                emit(byte)
            case 0x0A:
                emit(UInt8(ascii: "\\"))
                emit(UInt8(ascii: "n"))
            case 0..<0x20:
                emit(UInt8(ascii: "\\"))
                emit(UInt8(ascii: "u"))
                emit(UInt8(ascii: "0"))
                emit(UInt8(ascii: "0"))
                emit(hexDigits[Int(byte >> 4)])
                emit(hexDigits[Int(byte & 0x0F)])
            default:
                emit(byte)
            }
        }
        emit(UInt8(ascii: "\""))
    }

    /// The number of bytes `quote` emits for `text`, counted without writing.
    package static func quotedLength(_ text: String) -> Int {
        var count = 2
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A: count += 2
            case 0..<0x20: count += 6
            default: count += 1
            }
        }
        return count
    }

    /// The bytes of `text` as a JSON string literal.
    package static func quoted(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(quotedLength(text))
        quote(text) { bytes.append($0) }
        return bytes
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
