/// An absolute http(s) URL as libcurl parses it: the same parse decides egress and what curl connects to.
struct ParsedURL: Sendable, Equatable {
    /// The normalized URL handed to curl.
    let text: String
    /// `http` or `https`.
    let scheme: String
    /// Lower-cased, without a trailing dot; IPv6 addresses keep their brackets.
    let host: String
    /// Explicit or the scheme's default.
    let port: Int

    init(text: String, scheme: String, host: String, port: Int) {
        self.text = text
        self.scheme = scheme.lowercased()
        let lowered = host.lowercased()
        self.host = lowered.hasSuffix(".") ? String(lowered.dropLast()) : lowered
        self.port = port
    }

    /// Scheme, host and port: credentials stay only within one origin.
    var origin: String { "\(scheme)://\(host):\(port)" }
}
