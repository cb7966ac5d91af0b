/// Finds the elements of a top-level JSON array without decoding them, so each network's own bytes can be passed
/// on unmodified. Checks nesting, strings and escapes; a truncated or malformed body fails here.
enum JSONArray {
    struct Malformed: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "\(reason) at byte \(offset)" }
    }

    /// The byte ranges of the array's elements, whitespace trimmed.
    static func elements(of bytes: [UInt8]) throws(Malformed) -> [Range<Int>] {
        var index = skipWhitespace(bytes, from: 0)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else {
            throw Malformed(offset: index, reason: "expected a JSON array")
        }
        index += 1
        var ranges: [Range<Int>] = []
        index = skipWhitespace(bytes, from: index)
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            return try finish(bytes, after: index + 1, ranges)
        }
        while true {
            let start = skipWhitespace(bytes, from: index)
            let end = try valueEnd(bytes, from: start)
            ranges.append(start..<end)
            index = skipWhitespace(bytes, from: end)
            guard index < bytes.count else { throw Malformed(offset: index, reason: "unterminated array") }
            if bytes[index] == UInt8(ascii: "]") { return try finish(bytes, after: index + 1, ranges) }
            guard bytes[index] == UInt8(ascii: ",") else {
                throw Malformed(offset: index, reason: "expected ',' or ']'")
            }
            index += 1
        }
    }

    private static func finish(
        _ bytes: [UInt8],
        after index: Int,
        _ ranges: [Range<Int>]
    ) throws(Malformed)
        -> [Range<Int>]
    {
        let end = skipWhitespace(bytes, from: index)
        guard end == bytes.count else { throw Malformed(offset: end, reason: "trailing bytes after the array") }
        return ranges
    }

    /// The end of the value starting at `start`: a balanced object/array, a string, or a bare literal.
    private static func valueEnd(_ bytes: [UInt8], from start: Int) throws(Malformed) -> Int {
        var depth = 0
        var index = start
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return index + 1 }
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return try literalEnd(start, index) }
                    depth -= 1
                    if depth == 0 { return index + 1 }
                case UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                    if depth == 0 { return try literalEnd(start, index) }
                default: break
                }
            }
            index += 1
        }
        throw Malformed(offset: bytes.count, reason: "unterminated value")
    }

    private static func literalEnd(_ start: Int, _ index: Int) throws(Malformed) -> Int {
        guard index > start else { throw Malformed(offset: index, reason: "missing value") }
        return index
    }

    private static func skipWhitespace(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count,
            [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains(bytes[index])
        {
            index += 1
        }
        return index
    }
}
