/// One instance of a plugin, whichever way it runs: in this process (`PluginInstance`) or in a runner
/// (`RunnerInstance`). Calls block the calling thread.
protocol PluginCalls: Sendable {
    func validate(_ input: PluginCallInput, call: CallContext) -> PluginReply
    func listNetworks(
        _ input: PluginCallInput,
        call: CallContext,
        onPage: @escaping @Sendable ([UInt8]) -> ProviderStatus
    ) -> PluginReply
    func counts(_ input: PluginCallInput, call: CallContext) -> PluginReply
}
