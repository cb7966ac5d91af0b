/// A JSON value as a plugin sent it: a position in a parsed `JSONDocument`. Objects keep their members in order;
/// numbers keep the text they were sent as.
///
/// The host parses plugin answers itself: Foundation's JSONSerialization alone cost more than the whole per-call
/// budget of the boundary (see Benchmarks/PluginBenchmark).
package struct JSONValue: Sendable {
    let document: JSONDocument
    let index: Int

    private var entry: JSONEntry { document.entries[index] }

    /// The first member named `key` of an object; nil for anything else.
    package subscript(key: String) -> JSONValue? {
        let entry = entry
        guard entry.kind == .object else { return nil }
        var name = index + 1
        for _ in 0..<entry.start {
            if document.string(at: name, equals: key) { return JSONValue(document: document, index: name + 1) }
            name = document.entries[name + 1].next
        }
        return nil
    }

    package var string: String? {
        document.string(at: index)
    }

    package var array: [JSONValue]? {
        let entry = entry
        guard entry.kind == .array else { return nil }
        var elements: [JSONValue] = []
        elements.reserveCapacity(entry.start)
        var element = index + 1
        for _ in 0..<entry.start {
            elements.append(JSONValue(document: document, index: element))
            element = document.entries[element].next
        }
        return elements
    }

    package var isObject: Bool {
        entry.kind == .object
    }

    /// A whole number that fits an Int (`3`, `3.0`, `3e2`).
    package var integer: Int? {
        let entry = entry
        guard entry.kind == .number else { return nil }
        let text = String(decoding: document.bytes[entry.start..<entry.end], as: UTF8.self)
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
