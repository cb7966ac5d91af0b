/// A strict RFC 8259 parser over UTF-8 bytes that were already validated as UTF-8.
package struct JSONParser {
    /// Where and why the text is not JSON.
    package struct Failure: Error {
        package let offset: Int
        package let reason: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    private static let maximumDepth = 256

    package static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var value = JSONValue.null
        try read(bytes) { parser throws(Failure) in value = try parser.value() }
        return value
    }

    /// Checks that `bytes` hold exactly one JSON value, which `body` reads through the parser.
    private static func read(_ bytes: [UInt8], _ body: (inout JSONParser) throws(Failure) -> Void) throws(Failure) {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        try body(&parser)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.failure("text after the JSON value") }
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func value() throws(Failure) -> JSONValue {
        guard index < bytes.count else { throw failure("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            var members: [JSONValue.Member] = []
            members.reserveCapacity(8)
            try readObject { parser, name throws(Failure) in
                members.append(JSONValue.Member(key: parser.text(of: name), value: try parser.value()))
            }
            return .object(members)
        case UInt8(ascii: "["):
            var elements: [JSONValue] = []
            elements.reserveCapacity(8)
            try readArray { parser, _ throws(Failure) in elements.append(try parser.value()) }
            return .array(elements)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return .number(text(of: .plain(try numberRange())))
        }
    }

    /// Reads the object that starts here; `member` gets each name in order and must read or skip its value.
    mutating func readObject(
        _ member: (inout JSONParser, StringToken) throws(Failure) -> Void
    ) throws(Failure) {
        try enter()
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { return }
        while true {
            skipWhitespace()
            guard peekByte == UInt8(ascii: "\"") else { throw failure("expected a member name") }
            let name = try stringToken()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            try member(&self, name)
            skipWhitespace()
            if peek(UInt8(ascii: "}")) { return }
            try expect(UInt8(ascii: ","))
        }
    }

    /// Reads the array that starts here; `element` gets each position in order and must read or skip its value.
    mutating func readArray(_ element: (inout JSONParser, Int) throws(Failure) -> Void) throws(Failure) {
        try enter()
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { return }
        var position = 0
        while true {
            skipWhitespace()
            try element(&self, position)
            position += 1
            skipWhitespace()
            if peek(UInt8(ascii: "]")) { return }
            try expect(UInt8(ascii: ","))
        }
    }

    /// A string as written: where its bytes are when it has no escapes, else its decoded text.
    enum StringToken {
        case plain(Range<Int>)
        case decoded(String)
    }

    /// Reads the string that starts here without copying it, unless it has escapes.
    mutating func stringToken() throws(Failure) -> StringToken {
        let start = index + 1  // after the opening quote
        // One load per byte, in a local cursor: the closing quote ends a plain string, a backslash goes on to the
        // escapes. Lowercase letters and UTF-8 sequences, most of a typical string, sort after every special byte.
        var cursor = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte > UInt8(ascii: "\\") {
                cursor &+= 1  // cannot overflow: below bytes.count
                continue
            }
            if byte == UInt8(ascii: "\"") {
                index = cursor + 1
                return .plain(start..<cursor)
            }
            if byte == UInt8(ascii: "\\") { break }
            index = cursor
            guard byte >= 0x20 else { throw failure("control character in a string") }
            cursor &+= 1
        }
        index = cursor
        guard index < bytes.count else { throw failure("unterminated string") }
        var scalars = Array(bytes[start..<index])
        try escapedRest(into: &scalars)
        return .decoded(String(decoding: scalars, as: UTF8.self))
    }

    /// Reads the string that starts here.
    mutating func string() throws(Failure) -> String {
        text(of: try stringToken())
    }

    /// The text of a string token; bytes that are not UTF-8 become U+FFFD.
    func text(of token: StringToken) -> String {
        switch token {
        case .decoded(let text):
            return text
        case .plain(let range):
            let span = bytes.span.extracting(range)
            // Straight from the parser's bytes: no intermediate array, and no second look at valid UTF-8.
            if let valid = try? UTF8Span(validating: span) { return String(copying: valid) }
            return String(decoding: bytes[range], as: UTF8.self)
        }
    }

    /// Continues a string that has escapes, from the first backslash to the closing quote.
    private mutating func escapedRest(into output: inout [UInt8]) throws(Failure) {
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw failure("unterminated escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"): output.append(contentsOf: String(try unicodeEscape()).utf8)
                default: throw failure("unknown escape")
                }
            default:
                guard byte >= 0x20 else { throw failure("control character in a string") }
                output.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    /// `\uXXXX`, joining a surrogate pair; a lone surrogate becomes U+FFFD. A high surrogate followed by a `\u`
    /// escape that is not a low surrogate leaves that escape unread, so it decodes on its own (`\ud800\u0041` is
    /// U+FFFD then `A`, never U+FFFD alone).
    private mutating func unicodeEscape() throws(Failure) -> Character {
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
        {
            let escapeStart = index
            index += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low),
                let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            {
                return Character(scalar)
            }
            index = escapeStart
            return "\u{FFFD}"
        }
        return Unicode.Scalar(high).map(Character.init) ?? "\u{FFFD}"
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("bad \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`: where the number's text is.
    private mutating func numberRange() throws(Failure) -> Range<Int> {
        let start = index
        if peekByte == UInt8(ascii: "-") { index += 1 }
        if peekByte == UInt8(ascii: "0") {
            index += 1
        } else {
            guard try digits() > 0 else { throw failure("expected a value") }
        }
        if peekByte == UInt8(ascii: ".") {
            index += 1
            guard try digits() > 0 else { throw failure("expected digits after '.'") }
        }
        if peekByte == UInt8(ascii: "e") || peekByte == UInt8(ascii: "E") {
            index += 1
            if peekByte == UInt8(ascii: "+") || peekByte == UInt8(ascii: "-") { index += 1 }
            guard try digits() > 0 else { throw failure("expected an exponent") }
        }
        return start..<index
    }

    private mutating func digits() throws(Failure) -> Int {
        let start = index
        while let byte = peekByte, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        return index - start
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws(Failure) -> JSONValue {
        let count = word.utf8.count
        guard index + count <= bytes.count, bytes[index..<index + count].elementsEqual(word.utf8) else {
            throw failure("expected a value")
        }
        index += count
        return value
    }

    var peekByte: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func peek(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard peek(byte) else { throw failure("expected '\(Character(Unicode.Scalar(byte)))'") }
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("nested deeper than \(Self.maximumDepth)") }
    }

    private mutating func skipWhitespace() {
        while let byte = peekByte, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private func failure(_ reason: String) -> Failure {
        Failure(offset: index, reason: reason)
    }
}
