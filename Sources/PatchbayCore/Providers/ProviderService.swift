/// The providers this process offers, for any signed-in caller: the API's `/v1/providers`.
package struct ProviderService: Sendable {
    let context: CoreContext

    package init(context: CoreContext) {
        self.context = context
    }

    /// Every provider, loaded or not, in the order of the plugins file.
    package func list(_ caller: Caller) -> [ProviderSummary] {
        context.providers.catalog
    }
}
