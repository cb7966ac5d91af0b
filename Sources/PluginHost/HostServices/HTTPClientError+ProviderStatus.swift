import HTTPClient

extension HTTPClientError {
    /// The ABI status a plugin sees for this failure.
    var providerStatus: ProviderStatus {
        switch reason {
        case .egressRefused: .permissionDenied
        case .cancelled: .cancelled
        case .retriesExhausted(let status) where status == 429: .rateLimited
        case .waitTooLong(let status, _, _) where status == 429: .rateLimited
        case .invalidURL: .invalidArgument
        case .retriesExhausted, .waitTooLong, .responseTooLarge, .timedOut, .transport: .unavailable
        }
    }
}
