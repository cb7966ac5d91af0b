import HTTPClient
package import Logging
import PatchbayProviderABI

/// A plugin opened for the conformance checker (`patchbay plugins check`): the checked descriptor, and calls that
/// may pass any bytes as credentials, so malformed input can be tried. Egress is the plugin's declared hosts plus
/// `extraHosts` (the hosts of URL settings the user gave).
package final class PluginProbe: Sendable {
    package let descriptor: ProviderDescriptor
    package let path: String
    let library: ProviderLibrary
    let httpClient: HTTPClient
    let logger: Logger

    package init(path: String, extraHosts: [String], logger: Logger) throws(PluginLoadError) {
        let library = try ProviderLibrary.open(path: path)
        self.library = library
        self.descriptor = library.descriptor
        self.path = path
        self.logger = logger
        let configuration = HTTPClientConfiguration(
            allowedHosts: library.descriptor.allowedHosts + extraHosts,
            rateBudgets: library.descriptor.rateBudgets.compactMap { budget in
                RateBudget.Scope(rawValue: budget.scope).map {
                    RateBudget(scope: $0, requests: budget.requests, period: .milliseconds(budget.periodMilliseconds))
                }
            }
        )
        self.httpClient = HTTPClient(configuration: configuration, logger: logger)
    }

    package var supportsCounts: Bool { library.countsExtension != nil }

    /// What `get_extension` returns for an id no plugin implements: it must be NULL.
    package var unknownExtensionIsNull: Bool {
        library.raw.pointee.get_extension("patchbay.check.unknown/1") == nil
    }

    /// Calls `create` with `settings`. `onCall` hears the name of each call the instance makes, just before it is
    /// made, so a call that never returns can be named.
    package func makeInstance(
        settings: [String: String],
        onCall: @escaping @Sendable (String) -> Void = { _ in }
    ) -> Result<ProbeInstance, ProviderError> {
        onCall("create")
        switch PluginInstance.create(library: library, settings: settings) {
        case .success(let instance):
            return .success(ProbeInstance(probe: self, instance: instance, onCall: onCall))
        case .failure(let failure):
            return .failure(
                ProviderError(providerID: descriptor.id, status: failure.status, message: failure.message ?? "")
            )
        }
    }
}

/// One instance of a probed plugin. Calls block the calling thread.
package final class ProbeInstance: Sendable {
    private let probe: PluginProbe
    private let instance: PluginInstance
    private let onCall: @Sendable (String) -> Void

    init(probe: PluginProbe, instance: PluginInstance, onCall: @escaping @Sendable (String) -> Void) {
        self.probe = probe
        self.instance = instance
        self.onCall = onCall
    }

    /// Credentials for a call: well-formed fields, or exactly these bytes.
    package enum Input: Sendable {
        case fields(ProviderCredentials)
        case bytes([UInt8])
    }

    package func validate(_ input: Input) -> ProbeReply {
        onCall("validate")
        return withCall(input) { secret, call in
            ProbeReply(instance.validate(secret: secret, call: call), redactor: call.redactor)
        }
    }

    /// Lists networks; `onPage` gets each page's bytes and returns what the sink answers the plugin.
    package func listNetworks(_ input: Input, onPage: @escaping ([UInt8]) -> ProviderStatus) -> ProbeReply {
        onCall("list_networks")
        return withCall(input) { secret, call in
            ProbeReply(
                instance.listNetworks(secret: secret, call: call, sink: PageSink(onPage)),
                redactor: call.redactor
            )
        }
    }

    package func counts(_ input: Input) -> ProbeReply {
        onCall("counts")
        return withCall(input) { secret, call in
            ProbeReply(instance.counts(secret: secret, call: call), redactor: call.redactor)
        }
    }

    /// Runs one call with its credentials buffer (zeroed afterwards) and its call context.
    private func withCall(_ input: Input, _ body: (patchbay_buffer, CallContext) -> ProbeReply) -> ProbeReply {
        let credentials: ProviderCredentials? =
            switch input {
            case .fields(let fields): fields
            case .bytes: nil
            }
        let call = CallContext(
            providerID: probe.descriptor.id,
            httpClient: probe.httpClient,
            logger: probe.logger,
            credentials: credentials
        )
        switch input {
        case .fields(let fields): return SecretBuffer.with(fields) { body($0, call) }
        case .bytes(let bytes): return SecretBuffer.with(bytes: bytes) { body($0, call) }
        }
    }
}

/// What one probed call returned, copied out before the plugin's buffers were freed; the message is redacted.
package struct ProbeReply: Sendable {
    package var status: ProviderStatus
    package var result: [UInt8]?
    package var message: String?
    /// The raw code, when the plugin returned one that is not a v1 status; nil otherwise.
    package var unknownCode: Int32?

    init(_ reply: PluginReply, redactor: Redaction) {
        status = reply.status
        unknownCode = ProviderStatus(rawValue: reply.code) == nil ? reply.code : nil
        result = reply.result
        message = reply.message.map(redactor.redact)
    }
}
