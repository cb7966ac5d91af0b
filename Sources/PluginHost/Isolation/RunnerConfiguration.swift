import Foundation

/// Everything needed to start (and restart) one plugin's runner.
struct RunnerConfiguration: Sendable {
    /// The runner executable.
    let runner: String
    /// The library as plugins.yaml names it (for messages and logs).
    let path: String
    /// The hash-checked library, loaded through /proc/self/fd/4; nil when not pinned (then `path` is loaded).
    let pinned: PinnedFile?
    let timeouts: PluginTimeouts
    let limits: PluginLimits

    /// The runner executable: $PATCHBAY_PLUGIN_RUNNER, else `patchbay-plugin-runner` next to this executable (the
    /// `patchbay` binary, or the test bundle in the build products folder). Throws the path it looked at.
    static func locateRunner() throws(PluginLoadError) -> String {
        let name = "patchbay-plugin-runner"
        if let configured = ProcessInfo.processInfo.environment["PATCHBAY_PLUGIN_RUNNER"], !configured.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: configured) else {
                throw PluginLoadError(
                    path: configured,
                    reason: .runnerMissing(configured + " (PATCHBAY_PLUGIN_RUNNER)")
                )
            }
            return configured
        }
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? name
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // A test bundle on macOS is a folder; its products folder is above it.
        if let bundle = folder.pathComponents.firstIndex(where: { $0.hasSuffix(".xctest") }) {
            folder = URL(fileURLWithPath: NSString.path(withComponents: Array(folder.pathComponents[..<bundle])))
        }
        let candidate = folder.appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: candidate) else {
            throw PluginLoadError(path: candidate, reason: .runnerMissing(candidate))
        }
        return candidate
    }
}
