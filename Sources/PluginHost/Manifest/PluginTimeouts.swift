/// How long the host waits for a plugin (`timeouts:` in plugins.yaml, in seconds). A call past its deadline is
/// asked to stop (is_cancelled), given `grace`, then ended: its runner is killed, or in-process its thread is
/// abandoned and the plugin marked unhealthy.
package struct PluginTimeouts: Sendable, Equatable {
    /// Loading the library and reading its descriptor (constructors and patchbay_provider_entry).
    package var load: Duration = .seconds(5)
    package var create: Duration = .seconds(5)
    package var validate: Duration = .seconds(30)
    package var counts: Duration = .seconds(30)
    /// list_networks: the longest wait for the next page (or HTTP request) ...
    package var listIdle: Duration = .seconds(120)
    /// ... and for the whole listing.
    package var listTotal: Duration = .seconds(3600)
    /// How long a call asked to stop may take to return before it is ended.
    package var grace: Duration = .seconds(2)

    package init() {}

    /// The plugins.yaml keys, in the order they are documented.
    static let keys = ["load", "create", "validate", "counts", "list_networks_idle", "list_networks_total", "grace"]

    mutating func set(_ key: String, _ value: Duration) {
        switch key {
        case "load": load = value
        case "create": create = value
        case "validate": validate = value
        case "counts": counts = value
        case "list_networks_idle": listIdle = value
        case "list_networks_total": listTotal = value
        default: grace = value
        }
    }
}

/// Resource limits of a plugin's runner (`limits:` in plugins.yaml); `isolation: in-process` has none.
package struct PluginLimits: Sendable, Equatable {
    /// RLIMIT_AS in MiB: a leaking or runaway plugin fails its allocations instead of exhausting the machine.
    package var addressSpaceMegabytes = 8192
    /// RLIMIT_NOFILE.
    package var openFiles = 256

    package init() {}
}
