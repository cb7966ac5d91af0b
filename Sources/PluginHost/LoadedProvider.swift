import Dispatch
import Foundation
import HTTPClient
import Logging
import Synchronization

/// A plugin that loaded: its checked descriptor, its settings from plugins.yaml, and its instances.
///
/// Calls run the plugin's blocking C functions on threads of their own, never on Swift's cooperative pool, and
/// are serialized per instance unless the plugin declares itself concurrent.
package final class LoadedProvider: Sendable {
    package let descriptor: ProviderDescriptor
    package let path: String
    /// The effective egress allow-list: plugins.yaml's `allowed_hosts`, else the hosts the plugin declares.
    package let allowedHosts: [String]
    /// The settings of plugins.yaml; call overrides are merged over them.
    package let settings: [String: String]

    /// Where the plugin's code runs.
    enum Backend: Sendable {
        case inProcess(ProviderLibrary)
        case process(RunnerSupervisor)
    }

    let backend: Backend
    package let supportsCounts: Bool
    package let timeouts: PluginTimeouts
    /// Set when an in-process call had to be abandoned: its thread is still inside the plugin, so the plugin is
    /// refused until the process restarts.
    let abandoned = Mutex<String?>(nil)
    let httpClient: HTTPClient
    let logger: Logger
    private let slots = Mutex(SlotTable())
    /// Where a call waits while its instance is created (`create` blocks); serial, so it never starves.
    let setupQueue: DispatchQueue

    init(
        descriptor: ProviderDescriptor,
        backend: Backend,
        supportsCounts: Bool,
        entry: ManifestEntry,
        logger: Logger,
        rateLimitState: any RateLimitState = InMemoryRateLimitState()
    ) {
        self.descriptor = descriptor
        self.path = entry.path
        self.allowedHosts = entry.allowedHosts ?? descriptor.allowedHosts
        self.settings = entry.settings
        self.backend = backend
        self.supportsCounts = supportsCounts
        self.timeouts = entry.timeouts
        self.setupQueue = DispatchQueue(label: "patchbay.plugin.\(descriptor.id).setup")
        var logger = logger
        logger[metadataKey: "provider"] = "\(descriptor.id)"
        self.logger = logger
        let configuration = HTTPClientConfiguration(
            allowedHosts: allowedHosts,
            rateBudgets: descriptor.rateBudgets.compactMap { budget in
                RateBudget.Scope(rawValue: budget.scope).map {
                    RateBudget(scope: $0, requests: budget.requests, period: .milliseconds(budget.periodMilliseconds))
                }
            },
            budgetShare: entry.budgetShare,
            serverName: descriptor.name,
            rateLimitState: rateLimitState,
            rateLimitNamespace: descriptor.id
        )
        self.httpClient = HTTPClient(configuration: configuration, logger: logger)
    }

    deinit {
        // The runner exits when its socket closes; nothing else would end it while this process lives.
        if case .process(let supervisor) = backend { supervisor.stop() }
    }

    package var id: String { descriptor.id }

    /// How the plugin runs: `process` or `in-process`.
    package var isolation: ManifestEntry.Isolation {
        switch backend {
        case .inProcess: .inProcess
        case .process: .process
        }
    }

    /// The process id of the plugin's runner while one runs (process isolation); nil in-process.
    package var runnerPID: Int32? {
        guard case .process(let supervisor) = backend, let runner = supervisor.current, runner.isRunning else {
            return nil
        }
        return runner.pid
    }

    /// Why the plugin is refused now (its runner kept crashing, or an in-process call had to be abandoned);
    /// nil while it is healthy.
    package var failure: String? {
        if let abandoned = abandoned.withLock({ $0 }) { return abandoned }
        if case .process(let supervisor) = backend { return supervisor.failure }
        return nil
    }

    /// One instance, with the serial queue its calls run on unless the plugin is concurrent.
    ///
    /// Every queue here is a serial queue: libdispatch backs those with "overcommit" threads, added as calls block,
    /// whereas concurrent queues on Linux are held to one thread per core. Plugin calls block for the length of
    /// their HTTP requests, so a concurrent plugin gets a fresh serial queue (a thread of its own) per call.
    struct InstanceSlot: Sendable {
        let instance: any PluginCalls
        let serialQueue: DispatchQueue?
        let label: String

        /// Runs `work` off the caller's thread: in order on the instance's queue, or alone for a concurrent plugin.
        func execute(_ work: @escaping @Sendable () -> Void) {
            (serialQueue ?? DispatchQueue(label: label)).async(execute: work)
        }

        /// Runs `work` on the calling thread, after the calls queued before it.
        func executeHere(_ work: () -> PluginReply) -> PluginReply {
            guard let serialQueue else { return work() }
            // The non-generic `sync`: the generic one looks up type metadata on every call.
            var reply = PluginReply(status: .internal, message: "the call did not run")
            serialQueue.sync { reply = work() }
            return reply
        }
    }

    /// The instances by effective settings; the one for plugins.yaml's own settings also has its own field, so
    /// the common call finds it without hashing a dictionary.
    struct SlotTable {
        var standard: InstanceSlot?
        var overridden: [[String: String]: InstanceSlot] = [:]

        func slot(for effective: [String: String], isStandard: Bool) -> InstanceSlot? {
            isStandard ? standard : overridden[effective]
        }
    }

    /// The instance for these effective settings, if it exists already. Waits only while another call creates one.
    func existingSlot(for effective: [String: String], isStandard: Bool) -> InstanceSlot? {
        slots.withLock { $0.slot(for: effective, isStandard: isStandard) }
    }

    /// `create` in this process within `timeouts.create`. Past it the plugin's thread is left behind in `create`,
    /// and the plugin is refused until the process restarts, as after an abandoned call.
    private func createInProcess(
        _ library: ProviderLibrary,
        settings: [String: String]
    ) -> Result<any PluginCalls, PluginReplyError> {
        let outcome = BoundedWait.run(within: timeouts.create) {
            PluginInstance.create(library: library, settings: settings)
        }
        if let outcome { return outcome.map { $0 } }
        let refusal =
            "plugin \(id) did not finish create within \(timeouts.create) (timeouts.create); its thread was "
            + "abandoned and the plugin is refused until patchbay restarts (isolation: process would have stopped "
            + "it cleanly)"
        abandoned.withLock { if $0 == nil { $0 = refusal } }
        logger.error("abandoned a plugin's create: \(refusal)")
        return .failure(PluginReplyError(status: .unavailable, message: refusal, isAbandoned: true))
    }

    /// The instance for these effective settings, created on first use. Runs on a host thread: `create` blocks.
    func slot(for effective: [String: String], isStandard: Bool) -> Result<InstanceSlot, PluginReplyError> {
        slots.withLock { table in
            if let slot = table.slot(for: effective, isStandard: isStandard) { return .success(slot) }
            let created: Result<any PluginCalls, PluginReplyError> =
                switch backend {
                case .inProcess(let library):
                    createInProcess(library, settings: effective)
                case .process(let supervisor):
                    RunnerInstance.create(supervisor: supervisor, settings: effective).map { $0 }
                }
            switch created {
            case .success(let instance):
                let label = "patchbay.plugin.\(id)"
                let queue = descriptor.isConcurrent ? nil : DispatchQueue(label: label)
                let slot = InstanceSlot(instance: instance, serialQueue: queue, label: label)
                if isStandard { table.standard = slot } else { table.overridden[effective] = slot }
                return .success(slot)
            case .failure(let failure):
                return .failure(failure)
            }
        }
    }
}
