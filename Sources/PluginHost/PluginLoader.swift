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
            var status = PluginStatus(path: entry.path, descriptor: provider.descriptor, isLoaded: true)
            status.isolation = entry.isolation.rawValue
            statuses.append(status)
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
                let library = try ProviderLibrary.open(path: entry.path, file: pinned)
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
                throw fail(.createFailed(status: error.status, message: error.message), descriptor)
            }
            return provider
        } catch {
            if case .process(let supervisor) = backend { supervisor.stop() }
            throw error
        }
    }

    private static func abi(of error: PluginLoadError) -> String? {
        if case .incompatibleABI(let plugin, _) = error.reason { return "\(plugin).x" }
        return nil
    }
}
