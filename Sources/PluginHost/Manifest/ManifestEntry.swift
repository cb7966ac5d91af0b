/// One plugin listed in plugins.yaml, checked for shape but not yet loaded.
package struct ManifestEntry: Sendable, Equatable {
    /// How a plugin runs. Only in-process exists so far.
    package enum Isolation: String, Sendable, Equatable {
        case inProcess = "in-process"
        case process
    }

    /// The library path, resolved against the folder of plugins.yaml.
    package var path: String
    /// The id the library must report, if the entry names one.
    package var id: String?
    package var isEnabled: Bool
    /// Scalars as written; a sequence is comma-joined.
    package var settings: [String: String]
    /// The egress allow-list; nil means the hosts the plugin declares.
    package var allowedHosts: [String]?
    /// The share (0, 1] of the provider's rate budgets this host may spend.
    package var budgetShare: Double
    package var isolation: Isolation
    /// The pinned SHA-256 of the library file (64 lower-case hex digits); nil when not pinned.
    package var sha256: String?
    /// 1-based line of the entry in plugins.yaml.
    package var line: Int

    package init(
        path: String,
        id: String? = nil,
        isEnabled: Bool = true,
        settings: [String: String] = [:],
        allowedHosts: [String]? = nil,
        budgetShare: Double = 1,
        isolation: Isolation = .inProcess,
        sha256: String? = nil,
        line: Int = 0
    ) {
        self.path = path
        self.id = id
        self.isEnabled = isEnabled
        self.settings = settings
        self.allowedHosts = allowedHosts
        self.budgetShare = budgetShare
        self.isolation = isolation
        self.sha256 = sha256
        self.line = line
    }
}
