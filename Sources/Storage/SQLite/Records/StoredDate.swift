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
            // Whole seconds decode to exactly GRDB's Date; a fraction may differ from GRDB's by a rounding step of the
            // Double (its Calendar adds it in another order), far below the millisecond a stored date keeps.
            return Date(
                timeIntervalSinceReferenceDate: Double(seconds - 978_307_200) + Double(milliseconds) / 1_000
            )
        }
    }

    /// `date` spelled as GRDB stores dates, cut (not rounded) to the millisecond: compared with a stored date, which
    /// has whole milliseconds, `stored > text(now)` holds exactly when `stored > now` (to the microsecond). A query's `now` argument is
    /// spelled this way rather than by GRDB's `DateFormatter`, which cost more than the query it served.
    static func text(_ date: Date) -> String {
        // Whole microseconds first: a stored millisecond read back as a Double (…10.995 as …10.99499…) must not lose
        // a millisecond to the cut.
        let microseconds = Int((date.timeIntervalSince1970 * 1_000_000).rounded())
        let (milliseconds, _) = floorDivision(microseconds, 1_000)
        let (seconds, millisecond) = floorDivision(milliseconds, 1_000)
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = civil(fromDays: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(23)
        func append(_ value: Int, width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        append(year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        append(month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        append(day, width: 2)
        bytes.append(UInt8(ascii: " "))
        append(secondOfDay / 3_600, width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(secondOfDay % 3_600 / 60, width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(secondOfDay % 60, width: 2)
        bytes.append(UInt8(ascii: "."))
        append(millisecond, width: 3)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func floorDivision(_ value: Int, _ divisor: Int) -> (Int, Int) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    /// Year, month and day of the day `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
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
