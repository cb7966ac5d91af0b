/// Resolves a URI reference against a base URL as RFC 3986 §5.2 says, for `Link` targets (RFC 8288 §3.1: relative
/// targets are relative to the URL of the response they came in). Meraki's API description calls them relative.
enum RelativeReference {
    /// The absolute URL `reference` names when read against `base`; nil when `base` is not an absolute http(s) URL.
    /// A reference with a scheme of its own is returned as it is (the caller decides whether it may be sent).
    static func resolve(_ reference: String, against base: String) -> String? {
        if hasScheme(reference) { return reference }
        guard let base = URLParts(base) else { return nil }
        if reference.hasPrefix("//") { return base.scheme + ":" + reference }
        let (basePath, baseQuery) = split(base.rest)
        let (path, query) = split(reference)
        if path.isEmpty {
            return base.origin + (basePath.isEmpty ? "/" : basePath) + (query ?? baseQuery ?? "")
        }
        if path.hasPrefix("/") {
            return base.origin + removingDotSegments(path) + (query ?? "")
        }
        // Merge: the base path up to its last '/', then the reference.
        let directory = basePath.lastIndex(of: "/").map { String(basePath[...$0]) } ?? "/"
        return base.origin + removingDotSegments(directory + path) + (query ?? "")
    }

    /// A scheme is letters, digits, `+`, `-` or `.` before the first `:`, with no `/`, `?` or `#` before it.
    private static func hasScheme(_ reference: String) -> Bool {
        guard let colon = reference.firstIndex(of: ":"), colon != reference.startIndex else { return false }
        let scheme = reference[..<colon]
        guard let first = scheme.first, first.isLetter, first.isASCII else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// Path, then `?query` (with its mark) when present; a fragment is dropped: it never reaches the server.
    private static func split(_ text: String) -> (path: String, query: String?) {
        let withoutFragment = text[..<(text.firstIndex(of: "#") ?? text.endIndex)]
        guard let mark = withoutFragment.firstIndex(of: "?") else { return (String(withoutFragment), nil) }
        return (String(withoutFragment[..<mark]), String(withoutFragment[mark...]))
    }

    /// RFC 3986 §5.2.4 for an absolute path: `.` segments vanish, `..` removes the segment before it.
    static func removingDotSegments(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var output: [Substring] = []
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                // The leading empty segment (the root) is never removed.
                if output.count > 1 { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        let joined = output.joined(separator: "/")
        return joined.hasPrefix("/") ? joined : "/" + joined
    }
}
