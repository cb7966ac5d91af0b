/// An HTTP request a provider sends through the host, which adds egress checks, pacing, retries and redirects.
public struct HTTPRequest: Sendable {
    /// Per-request flags of the v1 contract.
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Retried only when it never reached the server (PATCHBAY_HTTP_NOT_IDEMPOTENT).
        public static let notIdempotent = Options(rawValue: 1 << 0)
        /// Keep credential headers across a redirect to another allowed host
        /// (PATCHBAY_HTTP_KEEP_CREDENTIALS_ON_REDIRECT). Set it only when every allowed target is trusted.
        public static let keepCredentialsOnRedirect = Options(rawValue: 1 << 1)
    }

    public var method: String
    /// Absolute http(s) URL; its host must be in the plugin's allowed hosts.
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    /// The rate-budget scope this request spends from (e.g. an organization id); nil spends provider-wide only.
    public var rateScopeKey: String?
    /// Total time for one attempt, retries excluded; 0 uses the host's default.
    public var timeoutMilliseconds: UInt32
    public var options: Options

    public init(
        method: String = "GET",
        url: String,
        headers: [HTTPHeader] = [],
        body: [UInt8] = [],
        rateScopeKey: String? = nil,
        timeoutMilliseconds: UInt32 = 0,
        options: Options = []
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.rateScopeKey = rateScopeKey
        self.timeoutMilliseconds = timeoutMilliseconds
        self.options = options
    }
}

/// One HTTP header.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The final answer to a request, after the host's redirects and retries.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Names lower-cased, in the order received.
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    /// The URL that answered, after redirects.
    public var finalURL: String

    public init(status: Int, headers: [HTTPHeader], body: [UInt8], finalURL: String) {
        self.status = status
        self.headers = headers
        self.body = body
        self.finalURL = finalURL
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
