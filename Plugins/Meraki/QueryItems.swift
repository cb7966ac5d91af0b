/// Reads and rewrites one query item of a URL, leaving the rest of the URL byte for byte as it was.
enum QueryItems {
    /// The raw value of the first `name=` item, or nil.
    static func value(of name: String, in url: String) -> String? {
        guard let query = query(of: url) else { return nil }
        for item in query.split(separator: "&") where item.hasPrefix(name + "=") {
            return String(item.dropFirst(name.count + 1))
        }
        return nil
    }

    /// `url` with every `name=` item set to `value`, or with the item appended when it has none.
    static func replacing(_ name: String, with value: String, in url: String) -> String {
        let fragmentStart = url.firstIndex(of: "#") ?? url.endIndex
        let fragment = url[fragmentStart...]
        let beforeFragment = url[..<fragmentStart]
        guard let mark = beforeFragment.firstIndex(of: "?") else {
            return beforeFragment + "?\(name)=\(value)" + fragment
        }
        var items = beforeFragment[beforeFragment.index(after: mark)...].split(separator: "&").map(String.init)
        var found = false
        for index in items.indices where items[index].hasPrefix(name + "=") || items[index] == name {
            items[index] = "\(name)=\(value)"
            found = true
        }
        if !found { items.append("\(name)=\(value)") }
        return beforeFragment[..<mark] + "?" + items.joined(separator: "&") + fragment
    }

    private static func query(of url: String) -> Substring? {
        let beforeFragment = url[..<(url.firstIndex(of: "#") ?? url.endIndex)]
        guard let mark = beforeFragment.firstIndex(of: "?") else { return nil }
        return beforeFragment[beforeFragment.index(after: mark)...]
    }
}
