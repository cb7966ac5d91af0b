/// The one JSON writer of Patchbay: the host's settings and canonical objects, the API's bodies, the CLI's `--json`
/// and ProviderKit's replies are all written by it, so they escape and punctuate alike.
///
/// It appends UTF-8 straight into a byte array, with no Foundation: ProviderKit links it statically into every vendor
/// plugin, and a plugin should not pull Foundation in for the few objects it writes. Values that are already JSON text
/// (a network's `config`, a provider's `raw` object) are spliced in as they are, not parsed and re-encoded.
package struct JSONWriter: Sendable {
    package private(set) var bytes: [UInt8] = []
    /// One entry per open object or array: how many members it has so far.
    private var counts: [Int] = []
    /// True between a member's name and its value: the value takes no comma.
    private var pendingValue = false

    package init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    package mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        counts.append(0)
    }

    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        counts.removeLast()
    }

    package mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        counts.append(0)
    }

    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        counts.removeLast()
    }

    /// A member name; the next value written is its value.
    package mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        pendingValue = true
    }

    /// A member name given as valid UTF-8 bytes (a parsed document's own), written without making a `String`.
    package mutating func key(utf8 name: ArraySlice<UInt8>) {
        separate()
        appendQuoted(utf8: name)
        bytes.append(UInt8(ascii: ":"))
        pendingValue = true
    }

    package mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
    }

    /// A string given as valid UTF-8 bytes, escaped exactly as `string(_:)` escapes the same text.
    package mutating func string(utf8 value: ArraySlice<UInt8>) {
        separate()
        appendQuoted(utf8: value)
    }

    /// The string, or `null` when there is none: the contracts spell absent values out.
    package mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    package mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    package mutating func integer(_ value: Int64) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    package mutating func integer(_ value: Int) {
        integer(Int64(value))
    }

    package mutating func integer(_ value: Int?) {
        if let value { integer(Int64(value)) } else { null() }
    }

    package mutating func integer(_ value: Int64?) {
        if let value { integer(value) } else { null() }
    }

    package mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    package mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// A number already spelled as JSON text (the reader keeps numbers as text so a digest sees them unchanged).
    package mutating func number(text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
    }

    /// JSON text written as it is; the caller vouches that it is one valid JSON value.
    package mutating func raw(_ json: String) {
        separate()
        bytes.append(contentsOf: json.utf8)
    }

    /// JSON bytes written as they are; the caller vouches that they are one valid JSON value.
    package mutating func raw(bytes json: some Collection<UInt8>) {
        separate()
        bytes.append(contentsOf: json)
    }

    /// One value the caller appends itself (a date spelled by arithmetic, without an intermediate string); the caller
    /// vouches that it appends exactly one valid JSON value.
    package mutating func raw(appending append: (inout [UInt8]) -> Void) {
        separate()
        append(&bytes)
    }

    /// A flat object of strings with its members in UTF-8 byte order, so equal dictionaries give equal bytes on every
    /// platform (a plugin's settings, a stored settings object).
    package mutating func object(_ fields: [String: String]) {
        beginObject()
        for (name, value) in fields.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            key(name)
            string(value)
        }
        endObject()
    }

    /// A flat object of strings as bytes (`object(_:)` alone), for values that are not secret (settings).
    package static func bytes(of fields: [String: String]) -> [UInt8] {
        var writer = JSONWriter(capacity: fields.reduce(2) { $0 + $1.key.utf8.count + $1.value.utf8.count + 6 })
        writer.object(fields)
        return writer.bytes
    }

    /// `text` as a JSON string literal. Most strings need no escape: those are copied whole (one bulk copy instead of
    /// an append per byte: the names and ids of a page of networks are most of its strings).
    private mutating func appendQuoted(_ text: String) {
        var text = text
        let plain = text.withUTF8 { utf8 in
            !utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        guard plain else {
            Self.quote(text) { bytes.append($0) }
            return
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: text.utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendQuoted(utf8 text: ArraySlice<UInt8>) {
        guard !text.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            Self.quote(utf8: text) { bytes.append($0) }
            return
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: text)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes the comma before a member or element, except for a value that follows its name.
    private mutating func separate() {
        if pendingValue {
            pendingValue = false
            return
        }
        guard let count = counts.last else { return }
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        counts[counts.count - 1] = count + 1
    }
}
