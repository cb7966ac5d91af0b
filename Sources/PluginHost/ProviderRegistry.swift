package import Logging

/// The providers of one plugins.yaml: every entry's status, and the loaded providers by id.
package struct ProviderRegistry: Sendable {
    /// The manifest file the registry was loaded from.
    package let file: String
    /// Every entry of plugins.yaml in file order, loaded or not.
    package let plugins: [PluginStatus]
    private let providers: [String: LoadedProvider]

    /// Reads plugins.yaml and loads every enabled entry. Throws only when the file itself is unusable.
    package static func load(manifestPath: String, logger: Logger) throws(ManifestError) -> ProviderRegistry {
        ProviderRegistry(manifest: try Manifest.load(path: manifestPath), logger: logger)
    }

    /// Loads the entries of an already parsed manifest.
    package init(manifest: Manifest, logger: Logger) {
        PluginLogging.use(logger)
        var loader = PluginLoader(logger: logger)
        for entry in manifest.entries {
            loader.load(entry)
        }
        self.file = manifest.file
        self.plugins = loader.statuses
        self.providers = loader.providers
    }

    /// A loaded provider; nil when no plugin with that id loaded.
    package func provider(id: String) -> LoadedProvider? {
        providers[id]
    }

    /// The loaded providers, in file order.
    package var loadedProviders: [LoadedProvider] {
        plugins.compactMap { status in status.isLoaded ? status.id.flatMap { providers[$0] } : nil }
    }
}
