import CCurl

/// The process-wide libcurl state: `curl_global_init` runs exactly once, before the first handle exists.
enum CurlGlobal {
    /// Swift initializes a static `let` once, thread-safely, on first use.
    static let isInitialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// The `User-Agent` every request carries unless the caller sets its own.
    static let userAgent = "patchbay libcurl/\(LIBCURL_VERSION)"
}
