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

extension PluginReply {
    /// A reply from the plugin's raw code and buffers, in either isolation mode: a code that is not a v1 status
    /// becomes INTERNAL saying so, and the message is made one line of at most 4 KiB.
    init(code: Int32, result: [UInt8]?, message: [UInt8]?) {
        let text = message.map { PluginMessage.oneLine($0) }
        if let status = ProviderStatus(rawValue: code) {
            self.init(status: status, result: result, message: text, code: code)
        } else {
            let said = text.map { ": \($0)" } ?? ""
            self.init(
                status: .internal,
                result: nil,
                message: "plugin returned unknown status \(code)\(said)",
                code: code
            )
        }
    }
}
