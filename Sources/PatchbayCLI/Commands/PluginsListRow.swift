import PluginHost

/// One plugin as `plugins list` prints it; the JSON keys are part of the CLI's contract.
struct PluginsListRow: Encodable {
    var id: String?
    var name: String?
    var version: String?
    var vendor: String?
    var abi: String?
    var path: String
    /// "loaded", "failed" or "disabled"; "failed" too for a plugin that loaded and failed since (a crash loop).
    var status: String
    var error: String?
    /// "process" or "in-process", for a plugin that loaded.
    var isolation: String?

    init(_ plugin: PluginStatus) {
        id = plugin.id
        name = plugin.name
        version = plugin.version
        vendor = plugin.vendor
        abi = plugin.abi
        path = plugin.path
        status = plugin.isLoaded && plugin.failure == nil ? "loaded" : plugin.isEnabled ? "failed" : "disabled"
        error = plugin.error ?? plugin.failure
        isolation = plugin.isolation
    }

    enum CodingKeys: String, CodingKey {
        case id, name, version, vendor, abi, path, status, error, isolation
    }

    /// Unknown values are `null`, not missing, so every element has the same keys; `error` only when not loaded.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(version, forKey: .version)
        try container.encode(vendor, forKey: .vendor)
        try container.encode(abi, forKey: .abi)
        try container.encode(path, forKey: .path)
        try container.encode(status, forKey: .status)
        try container.encode(isolation, forKey: .isolation)
        try container.encodeIfPresent(error, forKey: .error)
    }
}
