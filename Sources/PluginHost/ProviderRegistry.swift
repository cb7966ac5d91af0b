package import HTTPClient
package import Logging
import Synchronization

/// The providers of one plugins.yaml: every entry's status, and the loaded providers by id.
///
/// Entries load when first needed, not all at once: `provider(id:)` opens only the entries that may hold that id
/// (those whose `id:` names it, and those that name none), so a sync of one provider never opens another's
/// library, and an entry that crashes, hangs or is missing cannot stop other providers' commands. `plugins` and
/// `loadedProviders` load every entry. Loading is serialized: each entry is tried at most once.
package final class ProviderRegistry: Sendable {
    /// The manifest file the registry was loaded from.
    package let file: String
    private let entries: [ManifestEntry]
    private let state: Mutex<State>

    private struct State: ~Copyable {
        var loader: PluginLoader
        /// The status of each entry tried so far, by its index in `entries`.
        var statuses: [Int: PluginStatus] = [:]
    }

    /// Every entry of plugins.yaml in file order, loaded or not (this loads the ones not tried yet); a loaded
    /// plugin that has failed since (its runner kept crashing, or a call had to be abandoned) carries the reason
    /// in `failure`.
    package var plugins: [PluginStatus] {
        let (statuses, providers) = state.withLock { state in
            for index in entries.indices { Self.load(index, entries, &state) }
            return (entries.indices.compactMap { state.statuses[$0] }, state.loader.providers)
        }
        return statuses.map { status in
            guard status.isLoaded, let id = status.id, let provider = providers[id], provider.path == status.path else {
                return status
            }
            var current = status
            current.failure = provider.failure
            return current
        }
    }

    /// Reads plugins.yaml; its entries load when first needed. Throws only when the file itself is unusable.
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

    /// The entries of an already parsed manifest; they load when first needed.
    package init(
        manifest: Manifest,
        logger: Logger,
        rateLimitState: any RateLimitState = InMemoryRateLimitState()
    ) {
        PluginLogging.use(logger)
        self.file = manifest.file
        self.entries = manifest.entries
        self.state = Mutex(State(loader: PluginLoader(logger: logger, rateLimitState: rateLimitState)))
    }

    /// A loaded provider; nil when no plugin with that id loaded. Loads, in file order, only the entries that may
    /// hold `id`, and stops at the first that does.
    package func provider(id: String) -> LoadedProvider? {
        state.withLock { state in
            if let found = state.loader.providers[id] { return found }
            for index in entries.indices where entries[index].id == nil || entries[index].id == id {
                Self.load(index, entries, &state)
                if let found = state.loader.providers[id] { return found }
            }
            return nil
        }
    }

    /// The loaded providers, in file order (this loads every entry).
    package var loadedProviders: [LoadedProvider] {
        plugins.compactMap { status in status.isLoaded ? status.id.flatMap { provider(id: $0) } : nil }
    }

    private static func load(_ index: Int, _ entries: [ManifestEntry], _ state: inout State) {
        guard state.statuses[index] == nil else { return }
        state.statuses[index] = state.loader.load(entries[index])
    }
}
