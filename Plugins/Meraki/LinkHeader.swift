/// RFC 8288 `Link` header values as Meraki writes them:
/// `<https://n1.meraki.com/api/v1/...?perPage=3&startingAfter=L_2>; rel=next, <...>; rel=last`.
enum LinkHeader {
    /// The target of the first link whose `rel` includes `relation` (quoted or not), or nil.
    static func target(_ relation: String, in values: [String]) -> String? {
        for value in values {
            var rest = Substring(value)
            while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
                let target = rest[rest.index(after: open)..<close]
                // A link's parameters run to the next '<': a URL never contains a raw '<'.
                let afterClose = rest.index(after: close)
                let end = rest[afterClose...].firstIndex(of: "<") ?? rest.endIndex
                if relations(in: rest[afterClose..<end]).contains(relation) {
                    return String(target)
                }
                rest = rest[end...]
            }
        }
        return nil
    }

    /// The relation types of one link's parameters: `; rel=next` or `; rel="next last"`.
    private static func relations(in parameters: Substring) -> [String] {
        for parameter in parameters.split(separator: ";") {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: " ").lowercased() == "rel" else { continue }
            var value = pair[1].trimmingCharacters(in: " ")
            if value.hasSuffix(",") { value.removeLast() }
            value = value.trimmingCharacters(in: "\"")
            return value.split(separator: " ").map { $0.lowercased() }
        }
        return []
    }
}
