package import PluginHost

/// What `patchbay plugins check` was asked to check.
package struct CheckOptions: Sendable {
    /// The plugin library.
    package var path: String
    /// Settings for `create`; URL settings also open egress to their host.
    package var settings: [String: String]
    /// Working credentials; without them the checks that need a successful call are skipped.
    package var credentials: [String: String]?
    /// How many times the memory check repeats each call that needs no network.
    package var repetitions: Int
    /// Where the calls run: in the checker's process, or in a plugin runner as under `isolation: process`.
    package var isolation: ManifestEntry.Isolation

    package init(
        path: String,
        settings: [String: String] = [:],
        credentials: [String: String]? = nil,
        repetitions: Int = 300,
        isolation: ManifestEntry.Isolation = .inProcess
    ) {
        self.path = path
        self.settings = settings
        self.credentials = credentials
        self.repetitions = repetitions
        self.isolation = isolation
    }
}
