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

    let library: ProviderLibrary
    let httpClient: HTTPClient
    let logger: Logger
    private let slots = Mutex<[[String: String]: InstanceSlot]>([:])

    init(library: ProviderLibrary, entry: ManifestEntry, logger: Logger) {
        self.descriptor = library.descriptor
        self.path = library.path
        self.allowedHosts = entry.allowedHosts ?? library.descriptor.allowedHosts
        self.settings = entry.settings
        self.library = library
        var logger = logger
        logger[metadataKey: "provider"] = "\(library.descriptor.id)"
        self.logger = logger
        let configuration = HTTPClientConfiguration(
            allowedHosts: allowedHosts,
            rateBudgets: library.descriptor.rateBudgets.compactMap { budget in
                RateBudget.Scope(rawValue: budget.scope).map {
                    RateBudget(scope: $0, requests: budget.requests, period: .milliseconds(budget.periodMilliseconds))
                }
            },
            budgetShare: entry.budgetShare
        )
        self.httpClient = HTTPClient(configuration: configuration, logger: logger)
    }

    package var id: String { descriptor.id }

    package var supportsCounts: Bool { library.countsExtension != nil }

    /// One instance with its own queue: serial unless the plugin is concurrent.
    struct InstanceSlot: Sendable {
        let instance: PluginInstance
        let queue: DispatchQueue
    }

    /// The instance for these effective settings, if it exists already. Never blocks on `create`.
    func existingSlot(for effective: [String: String]) -> InstanceSlot? {
        slots.withLock { $0[effective] }
    }

    /// The instance for these effective settings, created on first use. Runs on a host thread: `create` blocks.
    func slot(for effective: [String: String]) -> Result<InstanceSlot, PluginReplyError> {
        slots.withLock { slots in
            if let slot = slots[effective] { return .success(slot) }
            switch PluginInstance.create(library: library, settings: effective) {
            case .success(let instance):
                let queue = DispatchQueue(
                    label: "patchbay.plugin.\(id)",
                    attributes: descriptor.isConcurrent ? .concurrent : []
                )
                let slot = InstanceSlot(instance: instance, queue: queue)
                slots[effective] = slot
                return .success(slot)
            case .failure(let failure):
                return .failure(failure)
            }
        }
    }
}
