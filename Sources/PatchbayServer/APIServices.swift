package import PatchbayCore

/// What the controllers call: the core services over one context.
package struct APIServices: Sendable {
    package let identity: IdentityService
    package let installation: InstallationService
    package let integrations: IntegrationService
    package let provisioning: ProvisioningService
    package let networks: NetworkService
    package let providers: ProviderService
    package let health: HealthService

    package init(context: CoreContext) {
        identity = IdentityService(context: context)
        installation = InstallationService(context: context)
        integrations = IntegrationService(context: context)
        provisioning = ProvisioningService(context: context)
        networks = NetworkService(context: context)
        providers = ProviderService(context: context)
        health = HealthService(context: context)
    }
}
