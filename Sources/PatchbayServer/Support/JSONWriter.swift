package import Foundation

/// Writes JSON text straight into bytes, for the hot outputs (networks, in the API and the CLI's `--json`) whose
/// `config` is already JSON text: splicing it avoids parsing and re-encoding every network's object.
package struct JSONWriter {
    package private(set) var bytes: [UInt8] = []
    /// One entry per open object or array: how many members it has so far.
    private var counts: [Int] = []

    package init(capacity: Int = 4096) {
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
        append(quoted: name)
        bytes.append(UInt8(ascii: ":"))
        pendingValue = true
    }

    package mutating func string(_ value: String) {
        separate()
        append(quoted: value)
    }

    package mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    package mutating func integer(_ value: Int64) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    package mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// `2026-11-25T13:09:33Z`, as `JSONEncoder`'s `.iso8601` writes it, without a formatter per call: a page of
    /// networks has 300 dates, and Foundation's ISO 8601 style cost more than the rest of the page.
    package mutating func date(_ value: Date) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        ISO8601Text.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// JSON text written as it is; the caller vouches that it is one valid JSON value.
    package mutating func raw(_ json: String) {
        separate()
        bytes.append(contentsOf: json.utf8)
    }

    private var pendingValue = false

    /// Writes the comma before a member or element, except for a value that follows its key.
    private mutating func separate() {
        if pendingValue {
            pendingValue = false
            return
        }
        guard let count = counts.last else { return }
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        counts[counts.count - 1] = count + 1
    }

    private mutating func append(quoted text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): bytes.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): bytes.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
