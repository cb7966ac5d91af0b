/// Labelled values printed one per line with the values aligned, e.g. `Version:  1.2.0`.
struct KeyValueList {
    var pairs: [(String, String)] = []

    mutating func append(_ key: String, _ value: String) {
        pairs.append((key, value))
    }

    func render() -> String {
        let width = (pairs.map(\.0.count).max() ?? 0) + 2
        return pairs.map { key, value in
            key + ":" + String(repeating: " ", count: width - key.count - 1) + TerminalText.neutralized(value)
        }
        .joined(separator: "\n")
    }
}
