import PluginHost

/// The checks that call into a created instance. Each is named, so a crash inside one is reported against it.
struct CallChecks: Sendable {
    let probe: PluginProbe
    let instance: ProbeInstance
    let options: CheckOptions

    /// One named check.
    struct Check: Sendable {
        let name: String
        let run: @Sendable () -> CheckResult
    }

    /// Malformed credentials every call must refuse with INVALID_ARGUMENT, never OK and never a crash.
    static let malformed: [(label: String, bytes: [UInt8])] = [
        ("{}", Array("{}".utf8)),
        ("an empty buffer", []),
        ("non-JSON text", Array("not json {".utf8)),
        ("a JSON list", Array("[\"api_key\"]".utf8)),
    ]

    var all: [Check] {
        [
            Check(name: "buffers.free_buffer") { freeBuffer() },
            Check(name: "validate.malformed_credentials") {
                malformedInput("validate") { instance.validate($0) }
            },
            Check(name: "list_networks.malformed_credentials") {
                malformedInput("list_networks") { instance.listNetworks($0) { _ in .ok } }
            },
            Check(name: "counts.malformed_credentials") {
                guard probe.supportsCounts else { return noCounts("counts.malformed_credentials") }
                return malformedInput("counts") { instance.counts($0) }
            },
            Check(name: "validate.result") { validateResult() },
            Check(name: "list_networks.pages") { listingPages() },
            Check(name: "list_networks.sink_stop") { sinkStop() },
            Check(name: "counts.result") { countsResult() },
            Check(name: "buffers.repeated_calls") { repeatedCalls() },
            Check(name: "threads.concurrent_calls") { concurrentCalls() },
        ]
    }

    /// The working credentials, when given.
    var credentials: ProbeInstance.Input? {
        options.credentials.map { .fields(ProviderCredentials(fields: $0)) }
    }

    func noCredentials(_ name: String) -> CheckResult {
        .skip(name, "needs working credentials; pass --credentials-file FILE (and --settings to point at a fake)")
    }

    func noCounts(_ name: String) -> CheckResult {
        .skip(name, "the plugin does not offer \(ProviderABI.countsExtensionID)")
    }

    /// One call whose message (and any result) the host hands back to the plugin's free_buffer.
    private func freeBuffer() -> CheckResult {
        let reply = instance.validate(.bytes(Array("{}".utf8)))
        let returned = [reply.message.map { _ in "a message" }, reply.result.map { _ in "a result" }].compactMap { $0 }
        let what = returned.isEmpty ? "no buffer" : returned.joined(separator: " and ")
        return .pass("buffers.free_buffer", "validate returned \(what); free_buffer released it without a crash")
    }

    private func malformedInput(_ call: String, _ body: (ProbeInstance.Input) -> ProbeReply) -> CheckResult {
        let name = "\(call).malformed_credentials"
        var problems: [String] = []
        for input in Self.malformed {
            let reply = body(.bytes(input.bytes))
            if let code = reply.unknownCode {
                problems.append("\(input.label) gave status \(code), which is not a v1 status")
                continue
            }
            if reply.status == .invalidArgument { continue }
            let said = reply.message.map { ": \($0)" } ?? ""
            problems.append("\(input.label) gave \(reply.status)\(said)")
        }
        guard problems.isEmpty else {
            return .fail(
                name,
                problems.joined(separator: "; ") + "; return PATCHBAY_INVALID_ARGUMENT for malformed credentials"
            )
        }
        let labels = Self.malformed.map(\.label).joined(separator: ", ")
        return .pass(name, "INVALID_ARGUMENT for \(labels)")
    }
}
