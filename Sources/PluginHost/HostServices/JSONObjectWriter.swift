/// Writes a flat JSON object of string values byte by byte, so a caller can size and fill its own buffer
/// (credentials go into memory that is zeroed after the call, never into a growable array).
enum JSONObjectWriter {
    /// Emits `{"name":"value",...}` with keys sorted.
    static func write(_ fields: [String: String], _ emit: (UInt8) -> Void) {
        emit(UInt8(ascii: "{"))
        for (index, (name, value)) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { emit(UInt8(ascii: ",")) }
            writeString(name, emit)
            emit(UInt8(ascii: ":"))
            writeString(value, emit)
        }
        emit(UInt8(ascii: "}"))
    }

    /// The number of bytes `write` emits, counted without writing.
    static func length(of fields: [String: String]) -> Int {
        fields.reduce(1 + max(fields.count - 1, 0) + 1) { total, field in
            total + escapedLength(field.key) + 1 + escapedLength(field.value)
        }
    }

    /// The length of `text` as a JSON string literal, quotes included.
    static func escapedLength(_ text: String) -> Int {
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

    /// The object as a byte array, for values that are not secret (settings).
    static func bytes(of fields: [String: String]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length(of: fields))
        write(fields) { bytes.append($0) }
        return bytes
    }

    /// Emits `text` as a JSON string literal.
    static func writeString(_ text: String, _ emit: (UInt8) -> Void) {
        let hex = Array("0123456789abcdef".utf8)
        emit(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                emit(UInt8(ascii: "\\"))
                emit(byte)
            case 0x0A:
                emit(UInt8(ascii: "\\"))
                emit(UInt8(ascii: "n"))
            case 0..<0x20:
                for escaped in [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")] {
                    emit(escaped)
                }
                emit(hex[Int(byte >> 4)])
                emit(hex[Int(byte & 0x0F)])
            default:
                emit(byte)
            }
        }
        emit(UInt8(ascii: "\""))
    }
}
