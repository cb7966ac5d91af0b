import JSONText
import PatchbayProviderABI

/// One `patchbay_instance` of a plugin, destroyed when the last call holding it is done.
final class PluginInstance: @unchecked Sendable {  // the caller serializes calls unless the plugin is CONCURRENT
    let library: ProviderLibrary
    private let raw: OpaquePointer
    private let buffers: PluginBuffers

    private init(library: ProviderLibrary, raw: OpaquePointer) {
        self.library = library
        self.raw = raw
        self.buffers = PluginBuffers(free: library.raw.pointee.free_buffer)
    }

    /// Calls the plugin's `create` with the settings JSON and the host services table.
    static func create(library: ProviderLibrary, settings: [String: String]) -> Result<PluginInstance, PluginReplyError>
    {
        let json = JSONWriter.bytes(of: settings)
        var instance: OpaquePointer?
        var message = patchbay_buffer(data: nil, length: 0)
        let code = json.withUnsafeBufferPointer { bytes in
            library.raw.pointee.create(
                HostTable.pointer,
                patchbay_buffer(data: bytes.baseAddress, length: bytes.count),
                &instance,
                &message
            )
        }
        let buffers = PluginBuffers(free: library.raw.pointee.free_buffer)
        let text = buffers.takeMessage(message)
        guard code == PATCHBAY_OK else {
            return .failure(PluginReplyError(status: ProviderStatus(code: code), message: text))
        }
        guard let instance else {
            return .failure(PluginReplyError(status: .internal, message: "create returned OK but no instance"))
        }
        return .success(PluginInstance(library: library, raw: instance))
    }

    deinit {
        library.raw.pointee.destroy(raw)
    }

    /// `secret` is the credentials JSON as it is handed to the plugin, borrowed for the call.
    func validate(secret: patchbay_buffer, call: CallContext) -> PluginReply {
        var result = patchbay_buffer(data: nil, length: 0)
        var message = patchbay_buffer(data: nil, length: 0)
        let code = CallHandle.with(call) { handle in
            library.raw.pointee.validate(raw, handle, secret, &result, &message)
        }
        return reply(code, result, message)
    }

    func listNetworks(secret: patchbay_buffer, call: CallContext, sink: PageSink) -> PluginReply {
        var message = patchbay_buffer(data: nil, length: 0)
        let code = CallHandle.with(call) { handle in
            sink.withCallback { callback, context in
                library.raw.pointee.list_networks(
                    raw,
                    handle,
                    secret,
                    callback,
                    context,
                    &message
                )
            }
        }
        return reply(code, patchbay_buffer(data: nil, length: 0), message)
    }

    var supportsCounts: Bool { library.countsExtension != nil }

    func counts(secret: patchbay_buffer, call: CallContext) -> PluginReply {
        guard let counts = library.countsExtension?.pointee.counts else {
            return PluginReply(
                status: .notFound,
                message: "the plugin has no \(ProviderABI.countsExtensionID) extension"
            )
        }
        var result = patchbay_buffer(data: nil, length: 0)
        var message = patchbay_buffer(data: nil, length: 0)
        let code = CallHandle.with(call) { handle in
            counts(raw, handle, secret, &result, &message)
        }
        return reply(code, result, message)
    }

    private func reply(_ code: patchbay_status, _ result: patchbay_buffer, _ message: patchbay_buffer) -> PluginReply {
        PluginReply(code: code, result: buffers.take(result), message: buffers.take(message))
    }
}

/// A failed `create`: the plugin's status and message.
struct PluginReplyError: Error, Sendable {
    var status: ProviderStatus
    var message: String?
    /// `create` passed its deadline in this process and was left behind: not a refusal of the settings.
    var isAbandoned = false
}

extension PluginInstance: PluginCalls {
    func validate(_ input: PluginCallInput, call: CallContext) -> PluginReply {
        withSecret(input) { validate(secret: $0, call: call) }
    }

    func listNetworks(
        _ input: PluginCallInput,
        call: CallContext,
        onPage: @escaping @Sendable ([UInt8]) -> ProviderStatus
    ) -> PluginReply {
        withSecret(input) { listNetworks(secret: $0, call: call, sink: PageSink(onPage)) }
    }

    func counts(_ input: PluginCallInput, call: CallContext) -> PluginReply {
        withSecret(input) { counts(secret: $0, call: call) }
    }

    private func withSecret(_ input: PluginCallInput, _ body: (patchbay_buffer) -> PluginReply) -> PluginReply {
        switch input {
        case .fields(let credentials): SecretBuffer.with(credentials, body)
        case .bytes(let bytes): SecretBuffer.with(bytes: bytes, body)
        }
    }
}
