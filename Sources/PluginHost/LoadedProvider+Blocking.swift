import Dispatch
import HTTPClient

extension LoadedProvider {
    /// `validate` on the calling thread, blocking it; still serialized per instance.
    ///
    /// For threads the caller owns (benchmarks, a future isolation child): never call it from Swift concurrency's
    /// cooperative pool, where a blocked thread stalls unrelated tasks. Not cancellable.
    package func validateBlocking(
        credentials: ProviderCredentials,
        settings overrides: [String: String] = [:]
    ) throws(ProviderError) -> ProviderValidation {
        let effective = try effectiveSettings(overrides)
        let slot: InstanceSlot
        switch self.slot(for: effective, isStandard: overrides.isEmpty || effective == settings) {
        case .success(let found): slot = found
        case .failure(let failure): throw createError(failure)
        }
        let call = CallContext(providerID: id, httpClient: httpClient, logger: logger, credentials: credentials)
        var reply = slot.executeHere { slot.instance.validate(credentials: credentials, call: call) }
        if let message = reply.message { reply.message = call.redactor.redact(message) }
        return try ReplyDecoder(providerID: id).validation(try result(of: reply, call: "validate"))
    }
}
