import CCurl

/// URL parsing and reference resolution by libcurl's own URL API (`curl_url`), so no second parser can disagree
/// with the one that picks the host curl connects to.
enum CurlURLParser {
    /// Parses an absolute http or https URL; nil for anything else.
    static func parse(_ text: String) -> ParsedURL? {
        withURLHandle { handle in
            guard curl_url_set(handle, CURLUPART_URL, text, 0) == CURLUE_OK else {
                return nil
            }
            return read(handle)
        }
    }

    /// Resolves a `Location` value (absolute or relative) against the URL that answered with it.
    static func resolve(_ reference: String, against base: String) -> ParsedURL? {
        withURLHandle { handle in
            // Setting a URL on a handle that already holds one resolves it as a reference against that one.
            guard curl_url_set(handle, CURLUPART_URL, base, 0) == CURLUE_OK,
                curl_url_set(handle, CURLUPART_URL, reference, 0) == CURLUE_OK
            else {
                return nil
            }
            return read(handle)
        }
    }

    private static func withURLHandle(_ body: (OpaquePointer) -> ParsedURL?) -> ParsedURL? {
        guard CurlGlobal.isInitialized, let handle = curl_url() else {
            return nil
        }
        defer { curl_url_cleanup(handle) }
        return body(handle)
    }

    private static func read(_ handle: OpaquePointer) -> ParsedURL? {
        guard let scheme = part(CURLUPART_SCHEME, of: handle)?.lowercased(),
            scheme == "http" || scheme == "https",
            let host = part(CURLUPART_HOST, of: handle), !host.isEmpty,
            let port = part(CURLUPART_PORT, of: handle, flags: UInt32(CURLU_DEFAULT_PORT)).flatMap({ Int($0) }),
            let text = part(CURLUPART_URL, of: handle)
        else {
            return nil
        }
        return ParsedURL(text: text, scheme: scheme, host: host, port: port)
    }

    private static func part(_ which: CURLUPart, of handle: OpaquePointer, flags: UInt32 = 0) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, which, &value, flags) == CURLUE_OK, let value else {
            return nil
        }
        defer { curl_free(value) }
        return String(cString: value)
    }
}
