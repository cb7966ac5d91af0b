import Dispatch
import HTTPClient

extension LoadedProvider {
    /// Checks credentials against the provider and says whom they act as.
    package func validate(
        credentials: ProviderCredentials,
        settings overrides: [String: String] = [:]
    ) async throws(ProviderError) -> ProviderValidation {
        let reply = try await run(credentials: credentials, overrides: overrides) { instance, call in
            instance.validate(credentials: credentials, call: call)
        }
        return try ReplyDecoder(providerID: id).validation(try result(of: reply, call: "validate"))
    }

    /// Streams every network the credentials can see. `onPage` runs on the plugin's thread while the plugin waits
    /// (that is the backpressure); if it throws, the plugin is told to stop and the call fails.
    package func listNetworks(
        credentials: ProviderCredentials,
        settings overrides: [String: String] = [:],
        onPage: @escaping @Sendable ([ProviderNetwork]) throws -> Void
    ) async throws(ProviderError) {
        let collector = PageCollector(providerID: id, onPage: onPage)
        let reply = try await run(credentials: credentials, overrides: overrides) { instance, call in
            instance.listNetworks(credentials: credentials, call: call, sink: PageSink(collector.receive))
        }
        if let failure = collector.failure { throw failure }
        _ = try result(of: reply, call: "list_networks", expectsResult: false)
    }

    /// Counts networks and access points without listing them. Needs the `patchbay.counts/1` extension.
    package func counts(
        credentials: ProviderCredentials,
        settings overrides: [String: String] = [:]
    ) async throws(ProviderError) -> ProviderCounts {
        guard supportsCounts else {
            throw ProviderError(
                providerID: id,
                status: .notFound,
                message: "the plugin does not offer counts; list the networks instead"
            )
        }
        let reply = try await run(credentials: credentials, overrides: overrides) { instance, call in
            instance.counts(credentials: credentials, call: call)
        }
        return try ReplyDecoder(providerID: id).counts(try result(of: reply, call: "counts"))
    }

    /// Runs `body` on the instance's queue; Swift task cancellation sets the call's cancel flag.
    private func run(
        credentials: ProviderCredentials,
        overrides: [String: String],
        _ body: @escaping @Sendable (PluginInstance, CallContext) -> PluginReply
    ) async throws(ProviderError) -> PluginReply {
        let effective = try effectiveSettings(overrides)
        let isStandard = overrides.isEmpty || effective == settings
        let call = CallContext(providerID: id, httpClient: httpClient, logger: logger, credentials: credentials)
        guard !Task.isCancelled else {
            throw ProviderError(providerID: id, status: .cancelled, message: "cancelled before the call started")
        }
        let outcome: Result<PluginReply, ProviderError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // An existing instance is found without blocking; only creating one needs a host thread first.
                if let slot = existingSlot(for: effective, isStandard: isStandard) {
                    slot.execute { continuation.resume(returning: .success(body(slot.instance, call))) }
                    return
                }
                setupQueue.async {
                    switch self.slot(for: effective, isStandard: isStandard) {
                    case .failure(let failure):
                        continuation.resume(returning: .failure(self.createError(failure)))
                    case .success(let slot):
                        slot.execute { continuation.resume(returning: .success(body(slot.instance, call))) }
                    }
                }
            }
        } onCancel: {
            call.cancel()
        }
        var reply = try outcome.get()
        if let message = reply.message { reply.message = call.redactor.redact(message) }
        return reply
    }

    /// A failed lazy `create` for call overrides, as a ProviderError.
    func createError(_ failure: PluginReplyError) -> ProviderError {
        let message = "create failed: \(failure.message ?? "no message"); check the settings"
        return ProviderError(providerID: id, status: failure.status, message: message)
    }

    /// The result bytes of a successful reply, or the plugin's failure as a ProviderError.
    func result(
        of reply: PluginReply,
        call: String,
        expectsResult: Bool = true
    ) throws(ProviderError) -> [UInt8] {
        guard reply.status == .ok else {
            throw ProviderError(
                providerID: id,
                status: reply.status,
                message: reply.message ?? "\(call) failed without a message"
            )
        }
        guard let bytes = reply.result else {
            if !expectsResult { return [] }
            throw ProviderError(
                providerID: id,
                status: .internal,
                message: "\(call) returned OK without a result; the plugin must set *out_result"
            )
        }
        return bytes
    }
}
