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

    package init(
        path: String,
        settings: [String: String] = [:],
        credentials: [String: String]? = nil,
        repetitions: Int = 300
    ) {
        self.path = path
        self.settings = settings
        self.credentials = credentials
        self.repetitions = repetitions
    }
}
