package import PatchbayCore
package import PluginHost

/// What the controllers call: the core services over one context, the plugin registry and the sync runner.
package struct APIServices: Sendable {
    package let identity: IdentityService
    package let integrations: IntegrationService
    package let provisioning: ProvisioningService
    package let networks: NetworkService
    /// nil when the server runs without a plugins file: `/v1/providers` is then empty.
    package let registry: ProviderRegistry?
    package let syncRunner: SyncRunner

    package init(context: CoreContext, registry: ProviderRegistry?) {
        identity = IdentityService(context: context)
        integrations = IntegrationService(context: context)
        provisioning = ProvisioningService(context: context)
        networks = NetworkService(context: context)
        self.registry = registry
        syncRunner = SyncRunner(provisioning: provisioning, logger: context.logger)
    }
}
