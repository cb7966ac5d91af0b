package import Foundation

/// UTC timestamps as `YYYY-MM-DDTHH:MM:SSZ` by arithmetic (Howard Hinnant's days-to-civil algorithm).
package enum ISO8601Text {
    package static func append(_ date: Date, to bytes: inout [UInt8]) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (day, adjust) = secondOfDay < 0 ? (days - 1, secondOfDay + 86_400) : (days, secondOfDay)
        let (year, month, dayOfMonth) = civil(fromDays: day)
        digits(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(dayOfMonth, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        digits(adjust / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(adjust % 3600 / 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(adjust % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Year, month and day of the day `days` after 1970-01-01.
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func digits(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
