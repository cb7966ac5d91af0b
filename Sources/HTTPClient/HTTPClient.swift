import Logging

/// libcurl as a blocking Swift client, shared by every call of one plugin. Safe to use from many threads at once.
package final class HTTPClient: Sendable {
    package let configuration: HTTPClientConfiguration
    let logger: Logger

    package init(configuration: HTTPClientConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Sends `request`, blocking the calling thread: paces by the budgets, checks egress (redirects included),
    /// retries 429/502/503/504 honouring Retry-After. Returns whatever final status arrived.
    package func perform(_ request: HTTPRequest, context: HTTPCallContext) throws(HTTPClientError) -> HTTPResponse {
        throw HTTPClientError(url: request.url, reason: .transport("not implemented yet"))
    }
}

/// Why a request produced no response. Never carries a secret.
package struct HTTPClientError: Error, Equatable, CustomStringConvertible {
    package enum Reason: Sendable, Equatable {
        case egressRefused(host: String)
        case invalidURL
        case transport(String)
        case timedOut
        case retriesExhausted(lastStatus: Int?)
        case cancelled
    }

    package let url: String
    package let reason: Reason

    package init(url: String, reason: Reason) {
        self.url = url
        self.reason = reason
    }

    package var description: String { "\(url): \(reason)" }
}
