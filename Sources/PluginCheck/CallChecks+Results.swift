import PluginHost
import Synchronization

extension CallChecks {
    func validateResult() -> CheckResult {
        let name = "validate.result"
        guard let credentials else { return noCredentials(name) }
        let reply = instance.validate(credentials)
        if let failure = failure(name, "validate", reply) { return failure }
        do {
            let validation = try ReplyDecoder(providerID: probe.descriptor.id).validation(reply.result ?? [])
            return .pass(
                name,
                "OK: account \(validation.account ?? "(none)"), \(validation.organizations.count) organization(s)"
            )
        } catch {
            return .fail(name, error.message)
        }
    }

    func countsResult() -> CheckResult {
        let name = "counts.result"
        guard probe.supportsCounts else { return noCounts(name) }
        guard let credentials else { return noCredentials(name) }
        let reply = instance.counts(credentials)
        if let failure = failure(name, "counts", reply) { return failure }
        do {
            let counts = try ReplyDecoder(providerID: probe.descriptor.id).counts(reply.result ?? [])
            return .pass(name, "OK: \(counts.networks) network(s), \(counts.accessPoints) access point(s)")
        } catch {
            return .fail(name, error.message)
        }
    }

    func listingPages() -> CheckResult {
        let name = "list_networks.pages"
        guard let credentials else { return noCredentials(name) }
        let decoder = ReplyDecoder(providerID: probe.descriptor.id)
        let state = Mutex(PageTally())
        let reply = instance.listNetworks(credentials) { page in
            let decoded = Result { () throws(ProviderError) -> Int in try decoder.page(page).count }
            return state.withLock { (tally: inout PageTally) -> ProviderStatus in
                tally.pages += 1
                switch decoded {
                case .success(let count):
                    tally.networks += count
                    return .ok
                case .failure(let error):
                    tally.problem = "page \(tally.pages): \(error.message)"
                    return .internal
                }
            }
        }
        let seen = state.withLock { $0 }
        if let problem = seen.problem {
            return .fail(name, problem)
        }
        guard reply.status == .ok else {
            return .fail(name, "list_networks returned \(reply.status): \(reply.message ?? "no message")")
        }
        return .pass(name, "OK: \(seen.networks) network(s) in \(seen.pages) well-formed page(s)")
    }

    /// The sink refuses the first page: the plugin must stop, return non-OK and hand over no further page.
    func sinkStop() -> CheckResult {
        let name = "list_networks.sink_stop"
        guard let credentials else { return noCredentials(name) }
        let pages = Mutex(0)
        let reply = instance.listNetworks(credentials) { _ in
            pages.withLock { $0 += 1 }
            return .cancelled
        }
        let count = pages.withLock { $0 }
        if count == 0 {
            return .skip(name, "the listing had no page to refuse (\(reply.status))")
        }
        guard count == 1, reply.status != .ok else {
            return .fail(
                name,
                "after the sink returned CANCELLED the plugin sent \(count - 1) more page(s) and returned \(reply.status); "
                    + "stop and return the sink's status"
            )
        }
        return .pass(name, "stopped after the refused page and returned \(reply.status)")
    }

    /// A failed call, or OK without the result the call must set; nil when the call returned a result.
    private func failure(_ name: String, _ call: String, _ reply: ProbeReply) -> CheckResult? {
        if let code = reply.unknownCode {
            return .fail(name, "\(call) returned status \(code), which is not a v1 status; use the PATCHBAY_* codes")
        }
        guard reply.status == .ok else {
            return .fail(name, "\(call) returned \(reply.status): \(reply.message ?? "no message")")
        }
        guard reply.result != nil else {
            return .fail(name, "\(call) returned OK without a result; set *out_result to the JSON object")
        }
        return nil
    }
}

/// What the sink saw during one listing.
private struct PageTally {
    var pages = 0
    var networks = 0
    var problem: String?
}
