import Foundation
import Yams

/// Walks the YAML node tree of plugins.yaml, so every error can name its line and column.
struct ManifestParser {
    let file: String
    let baseDirectory: String

    static let topLevelKeys = ["plugins"]
    static let entryKeys = [
        "path", "id", "enabled", "settings", "allowed_hosts", "budget_share", "isolation", "sha256", "timeouts",
        "limits",
    ]

    func parse(_ yaml: String) throws(ManifestError) -> [ManifestEntry] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw syntaxError(error)
        }
        guard let root else {
            throw ManifestError(file: file, line: 1, column: 1, message: "the file is empty; add a `plugins:` list")
        }
        let top = try mapping(root, "the top level", keys: Self.topLevelKeys)
        guard let plugins = top["plugins"] else {
            throw error(at: root, "no `plugins:` key at the top level; add `plugins:` with one entry per library")
        }
        if case .scalar(let scalar) = plugins, scalar.tag == Tag(.null) { return [] }
        guard case .sequence(let list) = plugins else {
            throw error(at: plugins, "`plugins` must be a list of entries; start each entry with `- path: ...`")
        }
        var entries: [ManifestEntry] = []
        for node in list {
            entries.append(try entry(node))
        }
        return entries
    }

    private func entry(_ node: Node) throws(ManifestError) -> ManifestEntry {
        let fields = try mapping(node, "a plugin entry", keys: Self.entryKeys)
        guard let pathNode = fields["path"] else {
            throw error(at: node, "plugin entry has no `path`; add the path of the provider's .so")
        }
        let path = try string(pathNode, "path")
        guard !path.isEmpty else { throw error(at: pathNode, "`path` is empty; set the path of the provider's .so") }
        var entry = ManifestEntry(path: resolve(path), line: node.mark?.line ?? 0)
        if let id = fields["id"] {
            let value = try string(id, "id")
            guard ProviderSyntax.isValidID(value) else {
                throw error(at: id, "`id` '\(value)' is not [a-z0-9][a-z0-9-]*; use the id the provider reports")
            }
            entry.id = value
        }
        if let enabled = fields["enabled"] {
            guard case .scalar = enabled, let value = enabled.bool else {
                throw error(
                    at: enabled,
                    "`enabled` must be true or false, found \(describe(enabled)); write true or false"
                )
            }
            entry.isEnabled = value
        }
        if let settings = fields["settings"] { entry.settings = try self.settings(settings) }
        if let hosts = fields["allowed_hosts"] { entry.allowedHosts = try allowedHosts(hosts) }
        if let share = fields["budget_share"] { entry.budgetShare = try budgetShare(share) }
        if let isolation = fields["isolation"] {
            let value = try string(isolation, "isolation")
            guard let mode = ManifestEntry.Isolation(rawValue: value) else {
                throw error(at: isolation, "`isolation` '\(value)' is unknown; use process or in-process")
            }
            entry.isolation = mode
        }
        if let sha256 = fields["sha256"] { entry.sha256 = try self.sha256(sha256) }
        if let timeouts = fields["timeouts"] { entry.timeouts = try self.timeouts(timeouts) }
        if let limits = fields["limits"] { entry.limits = try self.limits(limits) }
        return entry
    }

    private func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: baseDirectory, isDirectory: true))
            .standardizedFileURL.path
    }
}
