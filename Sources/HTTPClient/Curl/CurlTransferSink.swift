import CCurl

/// Receives one transfer's body from libcurl's callbacks and answers its progress callback with the cancel state.
///
/// Lives on the thread running `curl_easy_perform`; libcurl calls back on that same thread.
final class CurlTransferSink {
    private(set) var body: [UInt8] = []
    private(set) var overflowed = false
    private(set) var wasCancelled = false
    let limit: Int
    private let isCancelled: @Sendable () -> Bool

    init(limit: Int, isCancelled: @escaping @Sendable () -> Bool) {
        self.limit = limit
        self.isCancelled = isCancelled
    }

    /// Appends a chunk; false stops the transfer (curl reports CURLE_WRITE_ERROR).
    func append(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard body.count + chunk.count <= limit else {
            overflowed = true
            return false
        }
        body.append(contentsOf: chunk)
        return true
    }

    /// True when the caller cancelled; curl then aborts with CURLE_ABORTED_BY_CALLBACK.
    func shouldAbort() -> Bool {
        if isCancelled() {
            wasCancelled = true
        }
        return wasCancelled
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> CurlTransferSink? {
        pointer.map { Unmanaged<CurlTransferSink>.fromOpaque($0).takeUnretainedValue() }
    }
}

/// libcurl's `curl_write_callback`.
typealias CurlWriteFunction = @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int
/// libcurl's `curl_xferinfo_callback`.
typealias CurlProgressFunction =
    @convention(c) (
        UnsafeMutableRawPointer?, curl_off_t, curl_off_t, curl_off_t, curl_off_t
    ) -> Int32

/// CURLOPT_WRITEFUNCTION: returning less than `size * count` makes curl stop the transfer.
let curlWriteCallback: CurlWriteFunction = { data, size, count, context in
    let length = size * count
    guard let sink = CurlTransferSink.from(context) else {
        return 0
    }
    guard let data, length > 0 else {
        return length
    }
    return sink.append(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

/// CURLOPT_XFERINFOFUNCTION: called about once a second and on every read or write; non-zero aborts.
let curlProgressCallback: CurlProgressFunction = { context, _, _, _, _ in
    guard let sink = CurlTransferSink.from(context) else {
        return 1
    }
    return sink.shouldAbort() ? 1 : 0
}
