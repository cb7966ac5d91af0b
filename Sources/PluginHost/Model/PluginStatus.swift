/// One entry of plugins.yaml after loading: what loaded, or why not.
package struct PluginStatus: Sendable {
    /// The library path, resolved against the folder of plugins.yaml.
    package var path: String
    /// The id the library reports, or the `id` plugins.yaml expects when the library could not say.
    package var id: String?
    package var name: String?
    package var version: String?
    package var vendor: String?
    /// "major.minor" the library was built for, when it could be read.
    package var abi: String?
    package var isEnabled: Bool
    package var isLoaded: Bool
    /// One line, without the path: why the plugin did not load.
    package var error: String?
    /// One line: why a plugin that loaded is refused now (a crash loop, an abandoned call); nil while healthy.
    package var failure: String?
    /// `process` or `in-process`, as plugins.yaml set it.
    package var isolation: String?
    package var descriptor: ProviderDescriptor?

    package init(
        path: String,
        id: String? = nil,
        descriptor: ProviderDescriptor? = nil,
        abi: String? = nil,
        isEnabled: Bool = true,
        isLoaded: Bool,
        error: String? = nil
    ) {
        self.path = path
        self.id = descriptor?.id ?? id
        self.name = descriptor?.name
        self.version = descriptor?.version
        self.vendor = descriptor?.vendor
        self.abi = descriptor?.abi ?? abi
        self.isEnabled = isEnabled
        self.isLoaded = isLoaded
        self.error = error
        self.descriptor = descriptor
    }
}
