/// One HTTP exchange as libcurl performs it: a single request and its answer, no redirects followed, no retries.
struct CurlTransfer {
    var method: String
    /// Normalized by `CurlURLParser`, so curl connects to the host the egress check saw.
    var url: String
    var headers: [HTTPHeader]
    var body: [UInt8]
    var connectTimeout: Duration
    var timeout: Duration
    var maxResponseBytes: Int
    /// Polled by curl's progress callback, so a cancel also stops a transfer in flight.
    var isCancelled: @Sendable () -> Bool
}

/// What came back for one `CurlTransfer`.
struct CurlResponse {
    var status: Int
    /// Names lower-cased, in the order received.
    var headers: [HTTPHeader]
    var body: [UInt8]
    /// Whether curl sent this over a connection kept from an earlier transfer.
    var reusedConnection: Bool
}

/// Why a `CurlTransfer` produced no response.
struct CurlFailure: Error {
    enum Kind: Equatable {
        case timedOut
        case cancelled
        /// DNS or TCP connect failed: the request never left, so any method may be retried.
        case couldNotConnect
        /// Certificate verification failed: retrying cannot help.
        case tls
        case responseTooLarge
        case invalidRequest
        case other
    }

    var kind: Kind
    /// Human-readable detail from libcurl; may name the host, never a header value.
    var message: String
}
