import Foundation
import HTTPClient
import Logging
import Secrets
import Synchronization

/// Loads the entries of plugins.yaml one by one; a failure disables that entry and the rest still load.
struct PluginLoader {
    let logger: Logger
    let rateLimitState: any RateLimitState
    private(set) var providers: [String: LoadedProvider] = [:]

    init(logger: Logger, rateLimitState: any RateLimitState = InMemoryRateLimitState()) {
        self.logger = logger
        self.rateLimitState = rateLimitState
    }

    /// Loads one entry; its status says what loaded, or why not.
    mutating func load(_ entry: ManifestEntry) -> PluginStatus {
        do {
            let provider = try open(entry)
            providers[provider.id] = provider
            var status = PluginStatus(path: entry.path, descriptor: provider.descriptor, isLoaded: true)
            status.isolation = entry.isolation.rawValue
            logger.debug("loaded provider", metadata: ["provider": "\(provider.id)", "path": "\(entry.path)"])
            return status
        } catch {
            if entry.isEnabled {
                logger.notice("plugin not loaded: \(error.load)")
            }
            return PluginStatus(
                path: entry.path,
                id: error.descriptor?.id ?? entry.id,
                descriptor: error.descriptor,
                abi: error.abi,
                isEnabled: entry.isEnabled,
                isLoaded: false,
                error: error.load.detail
            )
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
        guard FileManager.default.fileExists(atPath: entry.path) else { throw fail(.fileNotFound) }
        // Checked before the library is opened (its constructors run as soon as it is), through a descriptor that
        // is then what gets loaded: swapping the file after the check changes nothing.
        var pinned: PinnedFile?
        if let expected = entry.sha256 {
            guard let file = PinnedFile(path: entry.path), let contents = file.contents() else {
                throw fail(.cannotOpen("cannot read the file to check its sha256"))
            }
            let actual = Digest.sha256Hex(contents)
            guard actual == expected else { throw fail(.checksumMismatch(pinned: expected, actual: actual)) }
            pinned = file
        }
        let backend: LoadedProvider.Backend
        let descriptor: ProviderDescriptor
        let supportsCounts: Bool
        do throws(PluginLoadError) {
            switch entry.isolation {
            case .inProcess:
                let library = try Self.openInProcess(entry, pinned: pinned)
                (backend, descriptor, supportsCounts) = (
                    .inProcess(library), library.descriptor, library.countsExtension != nil
                )
            case .process:
                let configuration = RunnerConfiguration(
                    runner: try RunnerConfiguration.locateRunner(),
                    path: entry.path,
                    pinned: pinned,
                    timeouts: entry.timeouts,
                    limits: entry.limits
                )
                let (process, raw) = try RunnerProcess.start(configuration, generation: 1, logger: logger).get()
                do throws(PluginLoadError) {
                    descriptor = try DescriptorReader(path: entry.path, raw: raw).read()
                } catch {
                    process.stop()
                    throw error
                }
                var runnerLogger = logger
                runnerLogger[metadataKey: "provider"] = "\(descriptor.id)"
                let supervisor = RunnerSupervisor(
                    first: process,
                    configuration: configuration,
                    providerID: descriptor.id,
                    logger: runnerLogger
                )
                (backend, supportsCounts) = (.process(supervisor), raw.body?.counts == .usable)
            }
        } catch {
            throw Failure(load: error, abi: Self.abi(of: error))
        }
        // Past this point a runner may be running: any refusal stops it again.
        do throws(Failure) {
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
            let provider = LoadedProvider(
                descriptor: descriptor,
                backend: backend,
                supportsCounts: supportsCounts,
                entry: entry,
                logger: logger,
                rateLimitState: rateLimitState
            )
            // The instance for plugins.yaml's own settings is created now, so a bad configuration shows at load.
            if case .failure(let error) = provider.slot(for: entry.settings, isStandard: true) {
                if error.isAbandoned { throw fail(.abandoned(error.message ?? "create was abandoned"), descriptor) }
                throw fail(.createFailed(status: error.status, message: error.message), descriptor)
            }
            return provider
        } catch {
            if case .process(let supervisor) = backend { supervisor.stop() }
            throw error
        }
    }

    /// Opens the library in this process within `timeouts.load`. Its constructors and entry point run on a thread
    /// of their own: one that blocks is left behind there (nothing can stop it) and the plugin is not loaded.
    private static func openInProcess(
        _ entry: ManifestEntry,
        pinned: PinnedFile?
    ) throws(PluginLoadError) -> ProviderLibrary {
        let stage = StageCell()
        let path = entry.path
        let outcome = BoundedWait.run(within: entry.timeouts.load) { () -> Result<ProviderLibrary, PluginLoadError> in
            do throws(PluginLoadError) {
                return .success(try ProviderLibrary.open(path: path, file: pinned) { stage.set($0) })
            } catch {
                return .failure(error)
            }
        }
        guard let outcome else {
            throw PluginLoadError(
                path: path,
                reason: .abandoned(
                    "did not finish loading within \(entry.timeouts.load) (it blocks \(stage.get().blocking)); its "
                        + "thread was left behind and the plugin is not loaded until patchbay restarts; make loading "
                        + "do nothing, or raise timeouts.load in plugins.yaml"
                )
            )
        }
        return try outcome.get()
    }

    /// Where an in-process load got to, written by its thread and read by the loader.
    private final class StageCell: Sendable {
        private let stage = Mutex(LoadStage.constructors)
        func set(_ value: LoadStage) { stage.withLock { $0 = value } }
        func get() -> LoadStage { stage.withLock { $0 } }
    }

    private static func abi(of error: PluginLoadError) -> String? {
        if case .incompatibleABI(let plugin, _) = error.reason { return "\(plugin).x" }
        return nil
    }
}
