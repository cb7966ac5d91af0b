import CCurl

/// One libcurl easy handle: the only type in Patchbay that calls `curl_easy_*`.
///
/// A handle keeps its live connections between transfers, so reusing a handle reuses its connection to a host.
final class CurlEasy: @unchecked Sendable {  // used by one thread at a time: CurlEasyPool hands it out exclusively
    let handle: UnsafeMutableRawPointer
    /// CURLOPT_ERRORBUFFER: libcurl writes the detail of a failure here; it must outlive every transfer.
    let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(CurlFailure) {
        guard CurlGlobal.isInitialized, let handle = curl_easy_init() else {
            throw CurlFailure(kind: .other, message: "libcurl could not be initialised")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Runs one transfer, blocking the calling thread until it ends.
    func perform(_ transfer: CurlTransfer) throws(CurlFailure) -> CurlResponse {
        // Reset drops every option of the previous transfer but keeps live connections and caches.
        curl_easy_reset(handle)
        errorBuffer[0] = 0
        let sink = CurlTransferSink(limit: transfer.maxResponseBytes, isCancelled: transfer.isCancelled)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        // Runs before the list is freed: the idle handle keeps no pointer to the list, the sink or the body.
        defer { curl_easy_reset(handle) }
        for line in try Self.headerLines(for: transfer) {
            guard let appended = curl_slist_append(headerList, line) else {
                throw CurlFailure(kind: .other, message: "out of memory building request headers")
            }
            headerList = appended
        }
        try configure(for: transfer, sink: sink, headerList: headerList)
        let code = withExtendedLifetime(sink) { curl_easy_perform(handle) }
        guard code == CURLE_OK else {
            throw failure(for: code, sink: sink)
        }
        var status = 0
        var connects = 0
        _ = patchbay_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        _ = patchbay_curl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
        return CurlResponse(
            status: status,
            headers: responseHeaders(),
            body: sink.body,
            reusedConnection: connects == 0
        )
    }

    /// The final response's headers (not those of 1xx answers or proxy CONNECTs), names lower-cased.
    private func responseHeaders() -> [HTTPHeader] {
        var headers: [HTTPHeader] = []
        var previous: UnsafeMutablePointer<curl_header>?
        while let header = curl_easy_nextheader(handle, UInt32(CURLH_HEADER), -1, previous) {
            if let name = header.pointee.name, let value = header.pointee.value {
                headers.append(HTTPHeader(name: String(cString: name).lowercased(), value: String(cString: value)))
            }
            previous = header
        }
        return headers
    }

    /// The one funnel from a failed `CURLcode` to a `CurlFailure`.
    private func failure(for code: CURLcode, sink: CurlTransferSink) -> CurlFailure {
        if sink.wasCancelled {
            return CurlFailure(kind: .cancelled, message: "cancelled during the transfer")
        }
        if sink.overflowed {
            return CurlFailure(kind: .responseTooLarge, message: "response body larger than \(sink.limit) bytes")
        }
        let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        let message = "\(detail) (curl error \(code.rawValue))"
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return CurlFailure(kind: .timedOut, message: message)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT:
            return CurlFailure(kind: .couldNotConnect, message: message)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM, CURLE_SSL_ISSUER_ERROR:
            return CurlFailure(kind: .tls, message: message)
        default:
            return CurlFailure(kind: .other, message: message)
        }
    }
}
