/// A parsed JSON text: its bytes, and one entry per value in document order. An object's entry is followed by each
/// member's name (a string entry) and then the member's value; an array's by its elements. Strings without escapes
/// stay where they are in the bytes until someone asks for one, so reading three members of a reply makes three
/// strings, not one per name and value of the whole text.
package final class JSONDocument: Sendable {
    let bytes: [UInt8]
    let entries: [JSONEntry]
    /// The strings that had escapes, decoded while parsing (an `escapedString` entry's `start` indexes this).
    let decodedStrings: [String]

    init(bytes: [UInt8], entries: [JSONEntry], decodedStrings: [String]) {
        self.bytes = bytes
        self.entries = entries
        self.decodedStrings = decodedStrings
    }

    /// The text of the string entry at `index`; nil for any other kind.
    func string(at index: Int) -> String? {
        let entry = entries[index]
        switch entry.kind {
        case .string:
            // The parser checked the whole text as UTF-8 and a string's bounds are ASCII quotes, so this never fails;
            // checked anyway, because it costs a fraction of making the string.
            let bytes = self.bytes  // a local the span can borrow from (a class's stored property can't lend one)
            let span = bytes.span.extracting(entry.start..<entry.end)
            if let valid = try? UTF8Span(validating: span) { return String(copying: valid) }
            return String(decoding: bytes[entry.start..<entry.end], as: UTF8.self)
        case .escapedString:
            return decodedStrings[entry.start]
        default:
            return nil
        }
    }

    /// Whether the string entry at `index` is `text`, compared as UTF-8 without making a string.
    func string(at index: Int, equals text: String) -> Bool {
        let entry = entries[index]
        switch entry.kind {
        case .string:
            guard entry.end - entry.start == text.utf8.count else { return false }
            // A plain loop: the generic `elementsEqual` over a slice and a UTF-8 view was a tenth of a validate call.
            var position = entry.start
            for byte in text.utf8 {
                guard bytes[position] == byte else { return false }
                position += 1
            }
            return true
        case .escapedString:
            return decodedStrings[entry.start] == text
        default:
            return false
        }
    }
}

/// One value of a `JSONDocument`.
struct JSONEntry: Sendable {
    enum Kind: UInt8, Sendable {
        case null, `true`, `false`, number, string, escapedString, array, object
    }

    var kind: Kind
    /// A number or plain string: where its text starts in the bytes (a string's, after the quote). An escaped string:
    /// its index in `decodedStrings`. An object or array: how many members or elements it has.
    var start: Int
    /// A number or plain string: where its text ends (a string's, before the quote).
    var end: Int
    /// The index of the entry after this value and everything inside it: its next sibling, if it has one.
    var next: Int
}
