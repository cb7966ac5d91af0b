/// The egress allow-list of one client: exact host names, `*.example.com` for subdomains of example.com (not
/// example.com itself), and `host:port` entries that allow only that port (used for loopback fakes).
package struct EgressPolicy: Sendable {
    private struct Entry: Sendable {
        /// Lower-cased host, or a suffix such as `.example.com` when `isWildcard`.
        let host: String
        let isWildcard: Bool
        /// nil allows every port.
        let port: Int?
    }

    private let entries: [Entry]

    package init(allowedHosts: [String]) {
        entries = allowedHosts.compactMap(Self.entry)
    }

    /// Whether an `allowed_hosts` entry is well formed (a host, `*.domain`, or either with `:port`).
    package static func isValid(entry: String) -> Bool {
        self.entry(entry) != nil
    }

    /// Whether `url` (an absolute http or https URL) may be fetched; false for anything unparsable.
    package func allows(_ url: String) -> Bool {
        CurlURLParser.parse(url).map(allows) ?? false
    }

    func allows(_ url: ParsedURL) -> Bool {
        entries.contains { entry in
            if let port = entry.port, port != url.port {
                return false
            }
            if entry.isWildcard {
                return url.host.hasSuffix(entry.host) && url.host.count > entry.host.count
            }
            return url.host == entry.host
        }
    }

    /// Parses one allow-list entry; nil for an entry that names no host or a port that is not a number.
    private static func entry(_ text: String) -> Entry? {
        var host = Substring(text.lowercased())
        var port: Int?
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let rest = host[host.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let number = Int(rest.dropFirst()) else {
                    return nil
                }
                port = number
            }
            host = host[...close]
        } else if host.filter({ $0 == ":" }).count == 1, let colon = host.firstIndex(of: ":") {
            guard let number = Int(host[host.index(after: colon)...]) else {
                return nil
            }
            port = number
            host = host[..<colon]
        } else if host.contains(":") {
            host = "[\(host)]"  // a bare IPv6 address; curl reports hosts like this with brackets
        }
        if host.hasSuffix(".") {
            host = host.dropLast()
        }
        guard !host.isEmpty else {
            return nil
        }
        let isWildcard = host.hasPrefix("*.")
        let name = isWildcard ? host.dropFirst() : host  // `.example.com` for a wildcard
        guard name.count > (isWildcard ? 1 : 0), name.unicodeScalars.allSatisfy(isHostCharacter) else {
            return nil
        }
        return Entry(host: String(name), isWildcard: isWildcard, port: port)
    }

    /// Letters, digits and the punctuation of DNS names and bracketed IPv6 addresses; no `*` past a leading `*.`.
    private static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._[]:%".unicodeScalars.contains(scalar)
    }
}
