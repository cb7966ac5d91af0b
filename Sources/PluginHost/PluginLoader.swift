import Foundation
import HTTPClient
import Logging
import Secrets

/// Loads the entries of plugins.yaml one by one; a failure disables that entry and the rest still load.
struct PluginLoader {
    let logger: Logger
    let rateLimitState: any RateLimitState
    private(set) var statuses: [PluginStatus] = []
    private(set) var providers: [String: LoadedProvider] = [:]

    init(logger: Logger, rateLimitState: any RateLimitState = InMemoryRateLimitState()) {
        self.logger = logger
        self.rateLimitState = rateLimitState
    }

    mutating func load(_ entry: ManifestEntry) {
        do {
            let provider = try open(entry)
            providers[provider.id] = provider
            statuses.append(PluginStatus(path: entry.path, descriptor: provider.descriptor, isLoaded: true))
            logger.debug("loaded provider", metadata: ["provider": "\(provider.id)", "path": "\(entry.path)"])
        } catch {
            statuses.append(
                PluginStatus(
                    path: entry.path,
                    id: error.descriptor?.id ?? entry.id,
                    descriptor: error.descriptor,
                    abi: error.abi,
                    isEnabled: entry.isEnabled,
                    isLoaded: false,
                    error: error.load.detail
                )
            )
            if entry.isEnabled {
                logger.notice("plugin not loaded: \(error.load)")
            }
        }
    }

    /// A load failure, with whatever the host learned about the plugin before it failed.
    struct Failure: Error {
        var load: PluginLoadError
        var descriptor: ProviderDescriptor?
        var abi: String?
    }

    private func open(_ entry: ManifestEntry) throws(Failure) -> LoadedProvider {
        func fail(_ reason: PluginLoadError.Reason, _ descriptor: ProviderDescriptor? = nil) -> Failure {
            Failure(
                load: PluginLoadError(path: entry.path, reason: reason),
                descriptor: descriptor,
                abi: descriptor?.abi
            )
        }
        guard entry.isEnabled else { throw fail(.disabled) }
        guard entry.isolation == .inProcess else { throw fail(.isolationNotSupported(entry.isolation.rawValue)) }
        guard FileManager.default.fileExists(atPath: entry.path) else { throw fail(.fileNotFound) }
        // Checked before the library is opened: its constructors run as soon as it is.
        if let pinned = entry.sha256 {
            guard let contents = FileManager.default.contents(atPath: entry.path) else {
                throw fail(.cannotOpen("cannot read the file to check its sha256"))
            }
            let actual = Digest.sha256Hex(contents)
            guard actual == pinned else { throw fail(.checksumMismatch(pinned: pinned, actual: actual)) }
        }
        let library: ProviderLibrary
        do {
            library = try ProviderLibrary.open(path: entry.path)
        } catch {
            throw Failure(load: error, abi: Self.abi(of: error))
        }
        let descriptor = library.descriptor
        if let expected = entry.id, expected != descriptor.id {
            throw fail(.idMismatch(reported: descriptor.id, expected: expected), descriptor)
        }
        if let other = providers[descriptor.id] {
            throw fail(.duplicateID(id: descriptor.id, otherPath: other.path), descriptor)
        }
        let allowedHosts = entry.allowedHosts ?? descriptor.allowedHosts
        if let problem = LoadedProvider.settingsProblem(
            entry.settings,
            descriptor: descriptor,
            allowedHosts: allowedHosts
        ) {
            throw fail(.invalidSetting(problem + " (plugins.yaml line \(entry.line))"), descriptor)
        }
        let provider = LoadedProvider(library: library, entry: entry, logger: logger, rateLimitState: rateLimitState)
        // The instance for plugins.yaml's own settings is created now, so a bad configuration shows at load.
        if case .failure(let error) = provider.slot(for: entry.settings, isStandard: true) {
            throw fail(.createFailed(status: error.status, message: error.message), descriptor)
        }
        return provider
    }

    private static func abi(of error: PluginLoadError) -> String? {
        if case .incompatibleABI(let plugin, _) = error.reason { return "\(plugin).x" }
        return nil
    }
}
