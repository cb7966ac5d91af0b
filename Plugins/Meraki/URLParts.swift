/// The pieces of an absolute http(s) URL the plugin reasons about: where it goes, not what it asks.
struct URLParts: Equatable {
    let scheme: String
    /// `host` or `host:port`, lower-cased.
    let authority: String
    /// Path and query, starting with `/` (or empty).
    let rest: String

    init?(_ url: String) {
        guard let separator = url.firstRange(of: "://") else { return nil }
        let scheme = url[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let afterScheme = url[separator.upperBound...]
        let delimiters: Set<Character> = ["/", "?", "#"]
        let authorityEnd = afterScheme.firstIndex { delimiters.contains($0) } ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd].lowercased()
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        self.scheme = scheme
        self.authority = authority
        self.rest = String(afterScheme[authorityEnd...])
    }

    var origin: String { "\(scheme)://\(authority)" }

    /// The host name without a port (IPv6 literals keep their brackets).
    var host: String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[...close])
        }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "")
    }

    /// Whether a credential sent to `self` may also go to `other`: the same Meraki cloud (any of its shards), or
    /// the very same origin for a URL outside the Meraki clouds (a local fake, a proxy). Never an https -> http step.
    func sharesCredentials(with other: URLParts) -> Bool {
        guard scheme == other.scheme || other.scheme == "https" else { return false }
        if let cloud = MerakiCloud.containing(host: host) {
            return MerakiCloud.containing(host: other.host) == cloud
        }
        return authority == other.authority
    }
}
