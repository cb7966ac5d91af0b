/// The egress allow-list of one client: exact host names, `*.example.com` for subdomains of example.com (not
/// example.com itself), and `host:port` entries that allow only that port (used for loopback fakes).
struct EgressPolicy: Sendable {
    private struct Entry: Sendable {
        /// Lower-cased host, or a suffix such as `.example.com` when `isWildcard`.
        let host: String
        let isWildcard: Bool
        /// nil allows every port.
        let port: Int?
    }

    private let entries: [Entry]

    init(allowedHosts: [String]) {
        entries = allowedHosts.compactMap(Self.entry)
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
        if host.hasPrefix("*.") {
            let suffix = host.dropFirst()
            return suffix.count > 1 ? Entry(host: String(suffix), isWildcard: true, port: port) : nil
        }
        return Entry(host: String(host), isWildcard: false, port: port)
    }
}
