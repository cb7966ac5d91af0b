/// `requests` per `period`, counted per provider, per request scope key, or per credential set.
package struct RateBudget: Sendable, Equatable {
    package enum Scope: String, Sendable, Equatable {
        case provider
        /// Per `HTTPRequest.rateScopeKey`; requests without one do not spend it.
        case scope
        /// Per `HTTPCallContext.credentialKey`; calls without one share a single bucket.
        case credential
    }

    package var scope: Scope
    package var requests: Int
    package var period: Duration

    package init(scope: Scope, requests: Int, period: Duration) {
        self.scope = scope
        self.requests = requests
        self.period = period
    }
}
