/// An egress allow-list: exact host names (any port), `*.example.com` (subdomains only) and `host:port`.
package struct AllowedHosts: Sendable, Equatable {
    package let patterns: [String]

    package init(_ patterns: [String]) {
        self.patterns = patterns
    }

    /// Whether a request to `host` (lower-cased, without brackets) on `port` may leave the host.
    package func allows(host: String, port: Int?) -> Bool {
        let host = host.lowercased()
        return patterns.contains { raw in
            let pattern = raw.lowercased()
            if pattern.hasPrefix("*.") { return host.hasSuffix(pattern.dropFirst()) }
            if let colon = pattern.lastIndex(of: ":"), let wantedPort = Int(pattern[pattern.index(after: colon)...]) {
                return host == pattern[..<colon] && port == wantedPort
            }
            return host == pattern
        }
    }

    /// What an entry may be, as error messages say it.
    package static let acceptedForms = "host, *.domain or host:port (e.g. api.meraki.com, *.meraki.com, 127.0.0.1:8080)"

    /// Whether `pattern` is one of the accepted forms: a DNS name or IPv4 address, `*.` and a DNS name, or either
    /// of the first with `:port` (1-65535). Anything else (`*`, `a b`, `:80`) would match no host at all.
    package static func isValid(_ pattern: String) -> Bool {
        var host = Substring(pattern)
        if let colon = host.lastIndex(of: ":") {
            let port = host[host.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isASCIIDigit), let number = Int(port), (1...65_535).contains(number)
            else { return false }
            host = host[..<colon]
        }
        if host.hasPrefix("*.") { host = host.dropFirst(2) }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return !host.isEmpty && host.utf8.count <= 253
            && labels.allSatisfy { label in
                (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                    && label.allSatisfy { $0.isASCIIDigit || ("a"..."z").contains($0.lowercased()) || $0 == "-" }
            }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
