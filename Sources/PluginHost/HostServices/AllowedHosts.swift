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
}
