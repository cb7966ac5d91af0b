import Dispatch
import HTTPClient
import Logging
import Synchronization

extension LoadedProvider {
    /// Checks credentials against the provider and says whom they act as.
    package func validate(
        credentials: ProviderCredentials,
        settings overrides: [String: String] = [:]
    ) async throws(ProviderError) -> ProviderValidation {
        let reply = try await run("validate", credentials: credentials, overrides: overrides) { instance, call, _ in
            instance.validate(.fields(credentials), call: call)
        }
        return try ReplyDecoder(providerID: id).validation(try result(of: reply, call: "validate"))
    }

    /// Streams every network the credentials can see. `onPage` runs on a host thread while the plugin waits
    /// (that is the backpressure); if it throws, the plugin is told to stop and the call fails.
    package func listNetworks(
        credentials: ProviderCredentials,
        settings overrides: [String: String] = [:],
        onPage: @escaping @Sendable ([ProviderNetwork]) throws -> Void
    ) async throws(ProviderError) {
        let collector = PageCollector(providerID: id, onPage: onPage)
        let reply = try await run("list_networks", credentials: credentials, overrides: overrides) {
            instance,
            call,
            watch in
            instance.listNetworks(.fields(credentials), call: call) { page in
                watch?.touch()
                return collector.receive(page)
            }
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
        let reply = try await run("counts", credentials: credentials, overrides: overrides) { instance, call, _ in
            instance.counts(.fields(credentials), call: call)
        }
        return try ReplyDecoder(providerID: id).counts(try result(of: reply, call: "counts"))
    }

    /// The deadlines of a call by its ABI name.
    func deadlines(_ name: String) -> CallDeadlines {
        switch name {
        case "validate": CallDeadlines(total: timeouts.validate, totalKey: "validate", grace: timeouts.grace)
        case "counts": CallDeadlines(total: timeouts.counts, totalKey: "counts", grace: timeouts.grace)
        default:
            CallDeadlines(
                total: timeouts.listTotal,
                totalKey: "list_networks_total",
                idle: timeouts.listIdle,
                grace: timeouts.grace
            )
        }
    }

    /// Runs `body` on the instance's queue; Swift task cancellation sets the call's cancel flag. In process the
    /// call is also timed (`CallWatch`: in-process only, a runner times its own calls and can kill).
    private func run(
        _ name: String,
        credentials: ProviderCredentials,
        overrides: [String: String],
        _ body: @escaping @Sendable (any PluginCalls, CallContext, CallWatch?) -> PluginReply
    ) async throws(ProviderError) -> PluginReply {
        if let failure { throw ProviderError(providerID: id, status: .unavailable, message: failure) }
        let effective = try effectiveSettings(overrides)
        let isStandard = overrides.isEmpty || effective == settings
        let call = CallContext(providerID: id, httpClient: httpClient, logger: logger, credentials: credentials)
        guard !Task.isCancelled else {
            throw ProviderError(providerID: id, status: .cancelled, message: "cancelled before the call started")
        }
        let outcome: Result<PluginReply, ProviderError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let watch = isolation == .inProcess ? watch(name, continuation: continuation) : nil
                let work = { @Sendable (slot: InstanceSlot) in
                    watch?.start(call: call)
                    var reply = body(slot.instance, call, watch)
                    if reply.status == .cancelled, let reason = watch?.deadlineReason {
                        // It stopped because its deadline passed: say that, not "cancelled".
                        reply = PluginReply(
                            status: .unavailable,
                            message: "plugin \(self.id) \(reason); it stopped when asked"
                        )
                    }
                    if watch?.finish() ?? true { continuation.resume(returning: .success(reply)) }
                }
                // An existing instance is found without blocking; only creating one needs a host thread first.
                if let slot = existingSlot(for: effective, isStandard: isStandard) {
                    slot.execute { work(slot) }
                    return
                }
                setupQueue.async {
                    switch self.slot(for: effective, isStandard: isStandard) {
                    case .failure(let failure):
                        if watch?.finish() ?? true {
                            continuation.resume(returning: .failure(self.createError(failure)))
                        }
                    case .success(let slot):
                        slot.execute { work(slot) }
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

    /// The watch of an in-process call: when it abandons the call, the provider is marked unhealthy and the
    /// caller gets the reason.
    private func watch(
        _ name: String,
        continuation: CheckedContinuation<Result<PluginReply, ProviderError>, Never>
    ) -> CallWatch {
        CallWatch(name, deadlines: deadlines(name)) { [self] why in
            let refusal =
                "plugin \(id) \(why) and did not stop within \(timeouts.grace) of being asked; its call was "
                + "abandoned and the plugin is refused until patchbay restarts (isolation: process would have "
                + "stopped it cleanly)"
            abandoned.withLock { if $0 == nil { $0 = refusal } }
            logger.error("abandoned a plugin call: \(refusal)")
            continuation.resume(
                returning: .failure(
                    ProviderError(
                        providerID: id,
                        status: why == "was cancelled" ? .cancelled : .unavailable,
                        message: "plugin \(id) \(why); it did not stop within \(timeouts.grace) of being asked, so "
                            + "the call was abandoned and the plugin is refused until patchbay restarts"
                    )
                )
            )
        }
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
