import Foundation
import GRDB

/// Reads the dates GRDB writes (`yyyy-MM-dd HH:mm:ss.SSS`, UTC) straight from their text: GRDB's own decoding goes
/// through Foundation's `Calendar`, which cost more per network row than the rest of the row. Any other spelling
/// SQLite accepts falls back to GRDB's decoding, so every date that decoded before still decodes the same.
enum StoredDate {
    static func read(_ row: Row, atIndex index: Int) -> Date {
        let value: DatabaseValue = row[index]
        if case .string(let text) = value.storage, let date = parse(text) { return date }
        return row[index]
    }

    /// `yyyy-MM-dd HH:mm:ss` with an optional fraction of one to three digits (a `T` may separate date and time);
    /// nil for anything else, and for years before 1600 (Foundation's calendar is Julian before 1582).
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            let count = bytes.count
            guard count == 19 || (count >= 21 && count <= 23) else { return nil }
            func digits(_ start: Int, _ length: Int) -> Int? {
                var value = 0
                for offset in start..<(start + length) {
                    let digit = Int(bytes[offset]) &- 48
                    guard digit >= 0, digit <= 9 else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
                bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
                let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
                year >= 1600, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
            else { return nil }
            var milliseconds = 0
            if count > 19 {
                guard bytes[19] == UInt8(ascii: "."), let fraction = digits(20, count - 20) else { return nil }
                milliseconds = fraction * (count == 21 ? 100 : count == 22 ? 10 : 1)
            }
            let seconds =
                daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
            // The same arithmetic as GRDB's decoding (whole seconds since 2001, then the fraction), so the two agree
            // to the bit.
            return Date(
                timeIntervalSinceReferenceDate: Double(seconds - 978_307_200) + Double(milliseconds) / 1_000
            )
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
