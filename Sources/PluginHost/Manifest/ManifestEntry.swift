/// One plugin listed in plugins.yaml, checked for shape but not yet loaded.
package struct ManifestEntry: Sendable, Equatable {
    /// How a plugin runs: in a runner process of its own (the default), or in the host's process (trusted,
    /// performance-sensitive plugins built with the host's Swift toolchain or in C).
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
    package var timeouts: PluginTimeouts
    package var limits: PluginLimits
    /// 1-based line of the entry in plugins.yaml.
    package var line: Int

    package init(
        path: String,
        id: String? = nil,
        isEnabled: Bool = true,
        settings: [String: String] = [:],
        allowedHosts: [String]? = nil,
        budgetShare: Double = 1,
        isolation: Isolation = .process,
        sha256: String? = nil,
        timeouts: PluginTimeouts = PluginTimeouts(),
        limits: PluginLimits = PluginLimits(),
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
        self.timeouts = timeouts
        self.limits = limits
        self.line = line
    }
}
