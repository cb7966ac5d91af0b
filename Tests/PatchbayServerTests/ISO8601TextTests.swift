import Foundation
import PatchbayServer
import Testing

/// The hand-written timestamp writer agrees with `JSONEncoder`'s `.iso8601` dates.
@Suite struct ISO8601TextTests {
    @Test(arguments: [0, 951_782_400, 1_709_164_800, 1_795_602_573.75, -86_401, 4_102_444_799, 1_234_567_890])
    func matchesJSONEncoder(_ seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        var bytes: [UInt8] = []
        ISO8601Text.append(date, to: &bytes)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let expected = String(decoding: try encoder.encode([date]), as: UTF8.self).dropFirst(2).dropLast(2)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }
}
