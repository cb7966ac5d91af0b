import Foundation

/// Machine-readable output: pretty, sorted keys, ISO 8601 dates, one document per command.
enum JSONOutput {
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func print(_ value: some Encodable) throws {
        StandardOutput.write(try render(value) + "\n")
    }

    /// For values that embed provider JSON as it is (a network's `config`).
    static func printObject(_ object: Any) throws {
        StandardOutput.write(try renderObject(object) + "\n")
    }

    static func renderObject(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(
            withJSONObject: object,
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        )
        return String(decoding: data, as: UTF8.self)
    }

    static func timestamp(_ date: Date?) -> Any {
        guard let date else { return NSNull() }
        return date.formatted(.iso8601)
    }
}
