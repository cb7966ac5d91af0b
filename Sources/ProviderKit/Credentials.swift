/// The credentials of one call, by field name. Its description never shows a value.
public struct Credentials: Sendable, CustomStringConvertible {
    private let values: [String: String]

    public init(_ values: [String: String]) {
        self.values = values
    }

    public subscript(name: String) -> String? { values[name] }

    public var description: String { "Credentials(\(values.keys.sorted().joined(separator: ", ")): redacted)" }
}
