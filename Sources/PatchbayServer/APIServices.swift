package import PatchbayCore

/// What the controllers call: the core services over one context, and the sync runner.
package struct APIServices: Sendable {
    package let identity: IdentityService
    package let integrations: IntegrationService
    package let provisioning: ProvisioningService
    package let networks: NetworkService
    package let providers: ProviderService
    package let syncRunner: SyncRunner

    package init(context: CoreContext) {
        identity = IdentityService(context: context)
        integrations = IntegrationService(context: context)
        provisioning = ProvisioningService(context: context)
        networks = NetworkService(context: context)
        providers = ProviderService(context: context)
        syncRunner = SyncRunner(provisioning: provisioning, logger: context.logger)
    }
}
