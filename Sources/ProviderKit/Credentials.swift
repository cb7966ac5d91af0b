/// The credentials of one call, by field name. Its description never shows a value.
public struct Credentials: Sendable, CustomStringConvertible {
    private let values: [String: String]

    public init(_ values: [String: String]) {
        self.values = values
    }

    public subscript(name: String) -> String? { values[name] }

    /// Every value, for a provider that needs to hand them to the host for redaction; never log them.
    public var allValues: [String] { Array(values.values) }

    public var description: String { "Credentials(\(values.keys.sorted().joined(separator: ", ")): redacted)" }
}
