/// The text form of a 32-byte master key: standard base64 (what `openssl rand -base64 32` prints) or hex.
///
/// Written by hand, over byte arrays the caller wipes, because Foundation's decoders leave copies we cannot clear.
enum KeyText {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The bytes `text` encodes as base64 (padded or not) or hex, after trimming whitespace; nil when neither.
    static func decode(_ text: [UInt8]) -> [UInt8]? {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) })
        else { return nil }
        let trimmed = text[start...end]
        if trimmed.count == 64, let bytes = decodeHex(trimmed) { return bytes }
        return decodeBase64(trimmed)
    }

    /// Padded base64 of `bytes`, as ASCII bytes.
    static func encodeBase64(_ bytes: [UInt8]) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity((bytes.count + 2) / 3 * 4)
        for chunkStart in stride(from: 0, to: bytes.count, by: 3) {
            let chunk = bytes[chunkStart..<min(chunkStart + 3, bytes.count)]
            var group: UInt32 = 0
            for (index, byte) in chunk.enumerated() { group |= UInt32(byte) << (16 - 8 * UInt32(index)) }
            for index in 0..<4 {
                let sextet = Int((group >> (18 - 6 * UInt32(index))) & 0x3f)
                text.append(index <= chunk.count ? alphabet[sextet] : UInt8(ascii: "="))
            }
        }
        return text
    }

    private static func decodeHex(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        func nibble(_ char: UInt8) -> UInt8? {
            switch char {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): char - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): char - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): char - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count / 2)
        var index = text.startIndex
        while index < text.endIndex {
            guard index + 1 < text.endIndex, let high = nibble(text[index]), let low = nibble(text[index + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func decodeBase64(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        let body = text.prefix { $0 != UInt8(ascii: "=") }
        let padding = text.count - body.count
        guard padding <= 2, text.count % 4 == 0 || padding == 0, body.count % 4 != 1,
            text.dropFirst(body.count).allSatisfy({ $0 == UInt8(ascii: "=") })
        else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(body.count * 3 / 4)
        var group: UInt32 = 0
        var bits = 0
        for char in body {
            guard let value = alphabet.firstIndex(of: char) else { return nil }
            group = group << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: group >> UInt32(bits)))
            }
        }
        return bytes
    }
}
