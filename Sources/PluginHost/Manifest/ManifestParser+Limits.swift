import Yams

extension ManifestParser {
    /// `timeouts:` — seconds per deadline, e.g. `validate: 10`, `list_networks_idle: 0.5`.
    func timeouts(_ node: Node) throws(ManifestError) -> PluginTimeouts {
        var timeouts = PluginTimeouts()
        for (key, value) in try mapping(node, "`timeouts`", keys: PluginTimeouts.keys) {
            guard case .scalar(let scalar) = value, let seconds = Double(scalar.string), seconds.isFinite,
                seconds > 0, seconds <= 86_400
            else {
                throw error(
                    at: value,
                    "`timeouts.\(key)` must be a number of seconds in (0, 86400], found \(describe(value)); e.g. 30"
                )
            }
            timeouts.set(key, .milliseconds(Int64((seconds * 1000).rounded(.up))))
        }
        return timeouts
    }

    /// `limits:` — the runner's `address_space_mb` and `open_files`.
    func limits(_ node: Node) throws(ManifestError) -> PluginLimits {
        var limits = PluginLimits()
        for (key, value) in try mapping(node, "`limits`", keys: ["address_space_mb", "open_files"]) {
            let minimum = key == "open_files" ? 16 : 256
            guard case .scalar(let scalar) = value, let number = Int(scalar.string), number >= minimum,
                number <= 1 << 20
            else {
                throw error(
                    at: value,
                    "`limits.\(key)` must be a whole number from \(minimum) to 1048576, found \(describe(value)); "
                        + (key == "open_files" ? "e.g. 256" : "e.g. 4096 (MiB)")
                )
            }
            if key == "open_files" { limits.openFiles = number } else { limits.addressSpaceMegabytes = number }
        }
        return limits
    }
}
