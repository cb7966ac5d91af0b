package import HTTPClient
package import Logging

/// The providers of one plugins.yaml: every entry's status, and the loaded providers by id.
package struct ProviderRegistry: Sendable {
    /// The manifest file the registry was loaded from.
    package let file: String
    /// Every entry of plugins.yaml in file order, loaded or not; a loaded plugin that has failed since (its runner
    /// kept crashing, or a call had to be abandoned) carries the reason in `failure`.
    package var plugins: [PluginStatus] {
        statuses.map { status in
            guard status.isLoaded, let id = status.id, let provider = providers[id], provider.path == status.path else {
                return status
            }
            var current = status
            current.failure = provider.failure
            return current
        }
    }
    private let statuses: [PluginStatus]
    private let providers: [String: LoadedProvider]

    /// Reads plugins.yaml and loads every enabled entry. Throws only when the file itself is unusable.
    /// `rateLimitState` holds every plugin's rate budgets: pass one every process sees (the database's) to make
    /// the budgets hold across processes; by default they hold within this one.
    package static func load(
        manifestPath: String,
        logger: Logger,
        rateLimitState: any RateLimitState = InMemoryRateLimitState()
    ) throws(ManifestError) -> ProviderRegistry {
        ProviderRegistry(
            manifest: try Manifest.load(path: manifestPath),
            logger: logger,
            rateLimitState: rateLimitState
        )
    }

    /// Loads the entries of an already parsed manifest.
    package init(
        manifest: Manifest,
        logger: Logger,
        rateLimitState: any RateLimitState = InMemoryRateLimitState()
    ) {
        PluginLogging.use(logger)
        var loader = PluginLoader(logger: logger, rateLimitState: rateLimitState)
        for entry in manifest.entries {
            loader.load(entry)
        }
        self.file = manifest.file
        self.statuses = loader.statuses
        self.providers = loader.providers
    }

    /// A loaded provider; nil when no plugin with that id loaded.
    package func provider(id: String) -> LoadedProvider? {
        providers[id]
    }

    /// The loaded providers, in file order.
    package var loadedProviders: [LoadedProvider] {
        statuses.compactMap { status in status.isLoaded ? status.id.flatMap { providers[$0] } : nil }
    }
}
