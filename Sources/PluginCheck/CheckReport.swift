import Foundation

/// Every check of one run, in order; the run passes when no check failed.
package struct CheckReport: Codable, Sendable, Equatable {
    package var plugin: String
    package var checks: [CheckResult]

    package init(plugin: String, checks: [CheckResult]) {
        self.plugin = plugin
        self.checks = checks
    }

    package var passed: Bool { !checks.contains { $0.outcome == .fail } }

    /// The check named `name`, if it ran.
    package func check(_ name: String) -> CheckResult? {
        checks.first { $0.name == name }
    }

    /// One line per check (`PASS  abi.product_tag  ...`), then a summary line.
    package var text: String {
        let width = checks.map(\.name.count).max() ?? 0
        var lines = checks.map { check in
            "\(check.outcome.rawValue)  \(check.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(check.detail)"
        }
        let failed = checks.count { $0.outcome == .fail }
        let skipped = checks.count { $0.outcome == .skip }
        let passedCount = checks.count - failed - skipped
        lines.append("")
        lines.append(
            "\(plugin): \(passedCount) passed, \(failed) failed, \(skipped) skipped"
                + (failed == 0 ? "" : "; fix the failed checks (docs/writing-a-provider.md explains each rule)")
        )
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case plugin, checks, passed
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        plugin = try container.decode(String.self, forKey: .plugin)
        checks = try container.decode([CheckResult].self, forKey: .checks)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(plugin, forKey: .plugin)
        try container.encode(passed, forKey: .passed)
        try container.encode(checks, forKey: .checks)
    }
}
