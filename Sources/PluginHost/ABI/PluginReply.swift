/// What one plugin call returned, copied out of the plugin's buffers before they were freed.
struct PluginReply: Sendable {
    var status: ProviderStatus
    /// The result JSON, when the status is OK and the call has a result.
    var result: [UInt8]?
    /// The plugin's one-line message (not yet redacted), if it set one.
    var message: String?
    /// The code as the plugin returned it; `status` maps codes this host does not know to INTERNAL.
    var code: Int32 = 0
}
