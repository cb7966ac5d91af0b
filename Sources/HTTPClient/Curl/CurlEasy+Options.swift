import CCurl

extension CurlEasy {
    /// Sets every option of one transfer. Security-relevant options are set explicitly on every transfer, since
    /// `curl_easy_reset` restores defaults.
    func configure(
        for transfer: CurlTransfer,
        sink: CurlTransferSink,
        headerList: UnsafeMutablePointer<curl_slist>?
    ) throws(CurlFailure) {
        try check(patchbay_curl_setopt_string(handle, CURLOPT_URL, transfer.url))
        // Plugins call from their own threads: timeouts must not use SIGALRM.
        try check(patchbay_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(patchbay_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        try check(patchbay_curl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        // The client follows redirects itself, checking each target against the egress allow-list.
        try check(patchbay_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0))
        try check(patchbay_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
        try check(patchbay_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
        try check(
            patchbay_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, transfer.connectTimeout.curlMilliseconds)
        )
        try check(patchbay_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, transfer.timeout.curlMilliseconds))
        try check(patchbay_curl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1))
        // No proxy from http_proxy/https_proxy: it would be an egress path the allow-list never saw.
        try check(patchbay_curl_setopt_string(handle, CURLOPT_PROXY, ""))
        try check(patchbay_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        // An empty string asks for every encoding this libcurl can decode; the body arrives decoded.
        try check(patchbay_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
        try check(patchbay_curl_setopt_string(handle, CURLOPT_USERAGENT, CurlGlobal.userAgent))
        try check(patchbay_curl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, curlWriteCallback))
        try check(patchbay_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, sink.opaque))
        try check(patchbay_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0))
        try check(patchbay_curl_setopt_xferinfo_function(handle, curlProgressCallback))
        try check(patchbay_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, sink.opaque))
        try check(patchbay_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headerList))
        try configureMethod(for: transfer)
    }

    private func configureMethod(for transfer: CurlTransfer) throws(CurlFailure) {
        let method = transfer.method.uppercased()
        switch method {
        case "GET" where transfer.body.isEmpty:
            try check(patchbay_curl_setopt_long(handle, CURLOPT_HTTPGET, 1))
        case "HEAD" where transfer.body.isEmpty:
            try check(patchbay_curl_setopt_long(handle, CURLOPT_NOBODY, 1))
        case "DELETE" where transfer.body.isEmpty, "OPTIONS" where transfer.body.isEmpty:
            try check(patchbay_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method))
        default:
            if method != "POST" {
                try check(patchbay_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method))
            }
            try check(patchbay_curl_setopt_long(handle, CURLOPT_POST, 1))
            try check(patchbay_curl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(transfer.body.count)))
            // COPYPOSTFIELDS copies the bytes, so nothing Swift owns has to outlive this call.
            if transfer.body.isEmpty {
                try check(patchbay_curl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, ""))
            } else {
                let code = transfer.body.withUnsafeBytes { bytes in
                    patchbay_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, bytes.baseAddress)
                }
                try check(code)
            }
        }
    }

    /// The request's header lines, refusing line breaks (header injection) and methods that are not HTTP tokens.
    static func headerLines(for transfer: CurlTransfer) throws(CurlFailure) -> [String] {
        guard !transfer.method.isEmpty, transfer.method.utf8.allSatisfy(isTokenByte) else {
            throw CurlFailure(kind: .invalidRequest, message: "method '\(transfer.method)' is not an HTTP token")
        }
        var lines: [String] = []
        var hasContentType = false
        for header in transfer.headers {
            guard !header.name.isEmpty, header.name.utf8.allSatisfy(isTokenByte) else {
                throw CurlFailure(kind: .invalidRequest, message: "header name '\(header.name)' is not an HTTP token")
            }
            guard !header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                throw CurlFailure(kind: .invalidRequest, message: "header '\(header.name)' contains a line break")
            }
            hasContentType = hasContentType || header.name.lowercased() == "content-type"
            // "Name;" is curl's spelling of a header sent with an empty value ("Name:" would remove it).
            lines.append(header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)")
        }
        // No "Expect: 100-continue" round trip, and no invented form content type for a body the caller left untyped.
        lines.append("Expect:")
        if !hasContentType {
            lines.append("Content-Type:")
        }
        return lines
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// The one funnel for `curl_easy_setopt` results.
    private func check(_ code: CURLcode) throws(CurlFailure) {
        guard code == CURLE_OK else {
            throw CurlFailure(
                kind: .other,
                message: "libcurl refused an option: \(String(cString: curl_easy_strerror(code)))"
            )
        }
    }
}

extension Duration {
    /// Whole milliseconds for curl's `_MS` options, at least 1 (0 would mean "no timeout").
    fileprivate var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
        guard !milliseconds.overflow else {
            return Int.max
        }
        return Int(max(1, milliseconds.partialValue + attoseconds / 1_000_000_000_000_000))
    }
}
