package import Foundation
package import JSONText

extension JSONWriter {
    /// `2026-11-25T13:09:33Z`, as `JSONEncoder`'s `.iso8601` writes it, without a formatter per call: a page of
    /// networks has 300 dates, and Foundation's ISO 8601 style cost more than the rest of the page.
    package mutating func date(_ value: Date) {
        raw { bytes in
            bytes.append(UInt8(ascii: "\""))
            ISO8601Text.append(value, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// The date, or `null` when there is none: the contracts spell absent values out.
    package mutating func date(_ value: Date?) {
        if let value { date(value) } else { null() }
    }
}
