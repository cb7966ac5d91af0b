import Foundation
import GRDB
import Testing

@testable import Storage

/// Network rows read their dates with `StoredDate`, not GRDB's decoding: the two must agree on every date GRDB
/// writes, and `StoredDate` must leave every other spelling to GRDB.
@Suite struct StoredDateTests {
    @Test func readsWhatGRDBWritesAsGRDBDoes() throws {
        var generator = SystemRandomNumberGenerator()
        var dates = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_800_000_000),
            Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
            Date(timeIntervalSince1970: -2_208_988_800.5), Date(timeIntervalSince1970: 253_402_300_799.999),
        ]
        for _ in 0..<5_000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: -2e9...4e9, using: &generator)))
        }
        for date in dates {
            guard case .string(let text) = date.databaseValue.storage else {
                Issue.record("GRDB wrote \(date) as \(date.databaseValue), not text")
                continue
            }
            let expected = try #require(Date.fromDatabaseValue(text.databaseValue))
            let parsed = try #require(StoredDate.parse(text), "\(text)")
            #expect(abs(parsed.timeIntervalSince(expected)) < 0.000_001, "\(text)")
            if text.hasSuffix(".000") { #expect(parsed == expected, "\(text)") }
        }
    }

    @Test func spellsDatesAsGRDBDoesCutToTheMillisecond() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let milliseconds = Double(Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &generator))
            let date = Date(timeIntervalSince1970: milliseconds / 1_000)
            #expect(StoredDate.text(date) == String.fromDatabaseValue(date.databaseValue), "\(date)")
            // A fraction below the millisecond is cut, never rounded up: `stored > text(now)` iff `stored > now`.
            let later = date.addingTimeInterval(0.000_9)
            #expect(StoredDate.text(later) == StoredDate.text(date), "\(later)")
        }
        #expect(StoredDate.text(Date(timeIntervalSince1970: -0.000_5)) == "1969-12-31 23:59:59.999")
    }

    @Test(arguments: [
        "2026-12-02 04:17:39", "2026-12-02T04:17:39", "2026-12-02 04:17:39.5", "2026-12-02 04:17:39.25",
        "2026-12-02 04:17:39.125",
    ])
    func readsTheSpellingsItKnows(_ text: String) throws {
        let expected = try #require(Date.fromDatabaseValue(text.databaseValue))
        #expect(abs(try #require(StoredDate.parse(text)).timeIntervalSince(expected)) < 0.000_001)
    }

    @Test(arguments: [
        "", "2026-12-02", "2026-12-02 04:17", "2026-12-02 04:17:39.1234", "2026-13-02 04:17:39",
        "2026-12-02 24:00:00", "2026-12-02X04:17:39", "2026-12-02 04:17:39Z", "+2026-12-02 04:17:3",
        "1500-01-01 00:00:00",
    ])
    func leavesEverythingElseToGRDB(_ text: String) {
        #expect(StoredDate.parse(text) == nil)
    }

    @Test func fallsBackToGRDBForOtherSpellings() throws {
        let row: Row = ["date": "2026-12-02", "stamp": 1_800_000_000.5]
        #expect(StoredDate.read(row, atIndex: 0) == Date.fromDatabaseValue("2026-12-02".databaseValue))
        #expect(StoredDate.read(row, atIndex: 1) == Date(timeIntervalSince1970: 1_800_000_000.5))
    }
}
