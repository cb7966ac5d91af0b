/// Replaces every secret of a call with `<redacted>` in text bound for a log line or an error description.
///
/// Secrets are matched raw and percent-encoded (a secret in a query string appears encoded), longest first, so a
/// secret that contains another is removed whole.
package struct Redaction: Sendable {
    package static let placeholder = "<redacted>"
    private let needles: [String]

    package init(secrets: [String]) {
        var needles = Set<String>()
        for secret in secrets where !secret.isEmpty {
            needles.insert(secret)
            needles.insert(Self.percentEncoded(secret, hexDigits: "0123456789ABCDEF"))
            needles.insert(Self.percentEncoded(secret, hexDigits: "0123456789abcdef"))
        }
        self.needles = needles.sorted { $0.count > $1.count }
    }

    /// `text` with every secret replaced.
    package func redact(_ text: String) -> String {
        var result = text
        for needle in needles where result.contains(needle) {
            result = result.replacing(needle, with: Self.placeholder)
        }
        return result
    }

    private static func percentEncoded(_ text: String, hexDigits: String) -> String {
        let digits = Array(hexDigits)
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.append(Character(Unicode.Scalar(byte)))
            default:
                encoded += "%\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0F)])"
            }
        }
        return encoded
    }
}
