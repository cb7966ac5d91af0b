/// A JSON value as a plugin sent it. Objects keep their members in order; numbers keep the text they were sent as.
///
/// The host parses plugin answers itself: Foundation's JSONSerialization alone cost more than the whole
/// per-call budget of the boundary (see Benchmarks/PluginBenchmark).
package enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([Member])

    /// One `"key": value` of an object. A struct, not a tuple: the runtime destroys tuple arrays element by element
    /// through generic metadata, which cost a tenth of a validate call.
    package struct Member: Sendable {
        package let key: String
        package let value: JSONValue

        package init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The member named `key` of an object; nil for anything else.
    package subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    package var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    package var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    package var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    /// A whole number that fits an Int (`3`, `3.0`, `3e2`).
    package var integer: Int? {
        guard case .number(let text) = self else { return nil }
        if let value = Int(text) { return value }
        guard let value = Double(text), value.rounded() == value, abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }

    /// A list of strings; nil when any element is not a string.
    package var strings: [String]? {
        guard let array else { return nil }
        var result: [String] = []
        result.reserveCapacity(array.count)
        for element in array {
            guard let text = element.string else { return nil }
            result.append(text)
        }
        return result
    }
}
