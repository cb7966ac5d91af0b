/// How a plugin runs on this host, for the operator (the console's Providers page): whether it loaded, the ABI it
/// was built for, where its code runs, where it may connect and how fast.
package struct ProviderRuntime: Sendable, Equatable {
    /// A rate limit the plugin declares: `requests` per `periodMilliseconds` in one `scope`.
    package struct RateBudget: Sendable, Equatable {
        package var scope: String
        package var requests: Int
        package var periodMilliseconds: Int

        package init(scope: String, requests: Int, periodMilliseconds: Int) {
            self.scope = scope
            self.requests = requests
            self.periodMilliseconds = periodMilliseconds
        }
    }

    /// `loaded`, `failed` or `disabled`.
    package var status: String
    /// "major.minor" of the plugin ABI, when it could be read.
    package var abi: String?
    /// Where the plugin's code runs (`in-process`); nil when it did not load.
    package var isolation: String?
    package var isConcurrent: Bool?
    /// The effective egress allow-list: plugins.yaml's, else the plugin's own.
    package var allowedHosts: [String]?
    package var rateBudgets: [RateBudget]?

    package init(
        status: String,
        abi: String? = nil,
        isolation: String? = nil,
        isConcurrent: Bool? = nil,
        allowedHosts: [String]? = nil,
        rateBudgets: [RateBudget]? = nil
    ) {
        self.status = status
        self.abi = abi
        self.isolation = isolation
        self.isConcurrent = isConcurrent
        self.allowedHosts = allowedHosts
        self.rateBudgets = rateBudgets
    }
}
