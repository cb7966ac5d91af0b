import HTTPClient
import Logging
import PatchbayCore
import PatchbayTestSupport

extension HTTPClient {
    /// A client for loopback tests: short timeouts and backoffs so the suite stays fast.
    static func forTesting(
        allowing allowedHosts: [String],
        rateBudgets: [RateBudget] = [],
        budgetShare: Double = 1,
        requestTimeout: Duration = .seconds(5),
        maxRetries: Int = 3,
        initialBackoff: Duration = .milliseconds(20),
        maxBackoff: Duration = .seconds(5),
        maxRedirects: Int = 5,
        maxResponseBytes: Int = 1 << 20,
        logger: Logger = InMemoryLogHandler.logger().logger
    ) -> HTTPClient {
        HTTPClient(
            configuration: HTTPClientConfiguration(
                allowedHosts: allowedHosts,
                rateBudgets: rateBudgets,
                budgetShare: budgetShare,
                connectTimeout: .seconds(2),
                requestTimeout: requestTimeout,
                maxRetries: maxRetries,
                initialBackoff: initialBackoff,
                maxBackoff: maxBackoff,
                maxRedirects: maxRedirects,
                maxResponseBytes: maxResponseBytes
            ),
            logger: logger
        )
    }

    /// `perform` on a thread of its own, as a plugin calls it.
    func send(_ request: HTTPRequest, context: HTTPCallContext = HTTPCallContext()) async throws -> HTTPResponse {
        try await onOwnThread { try self.perform(request, context: context) }
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
