/// A rate budget a provider declares: `requests` per `periodMilliseconds`, counted per `scope`.
package struct RateBudgetDescriptor: Sendable, Codable, Equatable {
    /// "provider", "scope" or "credential".
    package var scope: String
    package var requests: Int
    package var periodMilliseconds: Int

    package init(scope: String, requests: Int, periodMilliseconds: Int) {
        self.scope = scope
        self.requests = requests
        self.periodMilliseconds = periodMilliseconds
    }

    enum CodingKeys: String, CodingKey {
        case scope, requests
        case periodMilliseconds = "period_ms"
    }
}
