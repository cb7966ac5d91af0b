/// A strict RFC 8259 parser over UTF-8 bytes. It builds a `JSONDocument`: one flat entry per value, in document
/// order, rather than a tree of enums and strings. A validate reply is read for a handful of members, and building
/// every name and value of the tree as Swift strings cost more than the C call it answers (see PluginBenchmark).
package struct JSONParser {
    /// Where and why the text is not JSON.
    package struct Failure: Error {
        package let offset: Int
        package let reason: String

        /// The bytes are not UTF-8 at all, as opposed to UTF-8 that is not JSON.
        package var isInvalidUTF8: Bool { reason == Self.invalidUTF8 }
        static let invalidUTF8 = "not valid UTF-8"
    }

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    private var entries: [JSONEntry] = []
    private var decodedStrings: [String] = []
    private static let maximumDepth = 256

    /// The one JSON value `bytes` hold: UTF-8, checked first, then the JSON grammar.
    package static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        do {
            _ = try UTF8Span(validating: bytes.span)
        } catch {
            throw Failure(offset: error.byteOffsets.lowerBound, reason: Failure.invalidUTF8)
        }
        var parser = JSONParser(bytes: bytes)
        parser.entries.reserveCapacity(bytes.count / 8 + 2)
        parser.skipWhitespace()
        try parser.value()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.failure("text after the JSON value") }
        let document = JSONDocument(bytes: bytes, entries: parser.entries, decodedStrings: parser.decodedStrings)
        return JSONValue(document: document, index: 0)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads the value that starts here, appending its entries.
    private mutating func value() throws(Failure) {
        guard index < bytes.count else { throw failure("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            try container(.object, closing: UInt8(ascii: "}")) { parser throws(Failure) in
                guard parser.peekByte == UInt8(ascii: "\"") else { throw parser.failure("expected a member name") }
                try parser.string()
                parser.skipWhitespace()
                try parser.expect(UInt8(ascii: ":"))
                parser.skipWhitespace()
                try parser.value()
            }
        case UInt8(ascii: "["):
            try container(.array, closing: UInt8(ascii: "]")) { parser throws(Failure) in try parser.value() }
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true", .true)
        case UInt8(ascii: "f"): try literal("false", .false)
        case UInt8(ascii: "n"): try literal("null", .null)
        default:
            let range = try numberRange()
            append(.number, range.lowerBound, range.upperBound)
        }
    }

    /// An object or array: its entry (count and where its last descendant ends are filled in once known), then each
    /// member or element as `item` reads it.
    private mutating func container(
        _ kind: JSONEntry.Kind,
        closing: UInt8,
        _ item: (inout JSONParser) throws(Failure) -> Void
    ) throws(Failure) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("nested deeper than \(Self.maximumDepth)") }
        defer { depth -= 1 }
        let slot = entries.count
        append(kind, 0, 0)
        index += 1
        skipWhitespace()
        var count = 0
        if !peek(closing) {
            while true {
                skipWhitespace()
                try item(&self)
                count += 1
                skipWhitespace()
                if peek(closing) { break }
                try expect(UInt8(ascii: ","))
            }
        }
        entries[slot].start = count
        entries[slot].next = entries.count
    }

    private mutating func append(_ kind: JSONEntry.Kind, _ start: Int, _ end: Int) {
        entries.append(JSONEntry(kind: kind, start: start, end: end, next: entries.count + 1))
    }

    /// Reads the string that starts here: a plain one is kept as where its bytes are, one with escapes is decoded now.
    private mutating func string() throws(Failure) {
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
                append(.string, start, cursor)
                return
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
        decodedStrings.append(String(decoding: scalars, as: UTF8.self))
        append(.escapedString, decodedStrings.count - 1, 0)
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

    private mutating func literal(_ word: StaticString, _ kind: JSONEntry.Kind) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            word.withUTF8Buffer({ bytes[index..<index + count].elementsEqual($0) })
        else { throw failure("expected a value") }
        append(kind, index, index + count)
        index += count
    }

    private var peekByte: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func peek(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard peek(byte) else { throw failure("expected '\(Character(Unicode.Scalar(byte)))'") }
    }

    private mutating func skipWhitespace() {
        while let byte = peekByte, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private func failure(_ reason: String) -> Failure {
        Failure(offset: index, reason: reason)
    }
}
