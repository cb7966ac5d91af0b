import HTTPClient
package import Logging
import PatchbayProviderABI
import Synchronization

/// A plugin opened for the conformance checker (`patchbay plugins check`): the checked descriptor, and calls that
/// may pass any bytes as credentials, so malformed input can be tried. Egress is the plugin's declared hosts plus
/// `extraHosts` (the hosts of URL settings the user gave).
package final class PluginProbe: Sendable {
    package let descriptor: ProviderDescriptor
    package let path: String
    let library: ProviderLibrary
    let httpClient: HTTPClient
    let logger: Logger
    /// The runner of the instances made with `isolation: .process`, started with the first of them.
    private let supervisor = Mutex<RunnerSupervisor?>(nil)

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

    /// Calls `create` with `settings`, in this process or in a plugin runner as `isolation: process` would (the
    /// descriptor is still read here). `onCall` hears the name of each call the instance makes, just before it is
    /// made, so a call that never returns can be named.
    package func makeInstance(
        settings: [String: String],
        isolation: ManifestEntry.Isolation = .inProcess,
        onCall: @escaping @Sendable (String) -> Void = { _ in }
    ) -> Result<ProbeInstance, ProviderError> {
        let created: Result<any PluginCalls, PluginReplyError>
        var runner: RunnerSupervisor?
        switch isolation {
        case .inProcess:
            onCall("create")
            created = PluginInstance.create(library: library, settings: settings).map { $0 }
        case .process:
            switch startRunner() {
            case .failure(let error):
                return .failure(ProviderError(providerID: descriptor.id, status: .unavailable, message: error.detail))
            case .success(let supervisor):
                runner = supervisor
                onCall("create")
                created = RunnerInstance.create(supervisor: supervisor, settings: settings).map { $0 }
            }
        }
        switch created {
        case .success(let instance):
            return .success(ProbeInstance(probe: self, calls: instance, runner: runner, onCall: onCall))
        case .failure(let failure):
            return .failure(
                ProviderError(providerID: descriptor.id, status: failure.status, message: failure.message ?? "")
            )
        }
    }

    /// The runner for process isolation. Its deadlines are out of the way: the checker times every call itself,
    /// the same way in both modes.
    private func startRunner() -> Result<RunnerSupervisor, PluginLoadError> {
        supervisor.withLock { current -> Result<RunnerSupervisor, PluginLoadError> in
            if let current { return .success(current) }
            var timeouts = PluginTimeouts()
            for key in PluginTimeouts.keys where key != "grace" { timeouts.set(key, .seconds(86_400)) }
            do throws(PluginLoadError) {
                let configuration = RunnerConfiguration(
                    runner: try RunnerConfiguration.locateRunner(),
                    path: path,
                    pinned: nil,
                    timeouts: timeouts,
                    limits: PluginLimits()
                )
                let (process, _) = try RunnerProcess.start(configuration, generation: 1, logger: logger).get()
                let started = RunnerSupervisor(
                    first: process,
                    configuration: configuration,
                    providerID: descriptor.id,
                    logger: logger
                )
                current = started
                return .success(started)
            } catch {
                return .failure(error)
            }
        }
    }

    deinit {
        supervisor.withLock { $0?.stop() }
    }
}

/// One instance of a probed plugin, in this process or in a runner. Calls block the calling thread.
package final class ProbeInstance: Sendable {
    private let probe: PluginProbe
    private let calls: any PluginCalls
    private let runner: RunnerSupervisor?
    private let onCall: @Sendable (String) -> Void
    private let ending = Mutex<String?>(nil)

    init(
        probe: PluginProbe,
        calls: any PluginCalls,
        runner: RunnerSupervisor?,
        onCall: @escaping @Sendable (String) -> Void
    ) {
        self.probe = probe
        self.calls = calls
        self.runner = runner
        self.onCall = onCall
    }

    /// Credentials for a call: well-formed fields, or exactly these bytes.
    package enum Input: Sendable {
        case fields(ProviderCredentials)
        case bytes([UInt8])
    }

    /// In a runner: what the host said when the runner ended during a call (a crash, an exit); nil while it never
    /// did, and always nil in this process (there a crash ends the checker itself).
    package var runnerEnded: String? { ending.withLock { $0 } }

    /// The process the plugin's code runs in: its runner, or nil for this process.
    package var runnerPID: Int32? { runner?.current?.pid }

    package func validate(_ input: Input) -> ProbeReply {
        perform("validate", input) { calls.validate($0, call: $1) }
    }

    /// Lists networks; `onPage` gets each page's bytes and returns what the sink answers the plugin.
    package func listNetworks(_ input: Input, onPage: @escaping @Sendable ([UInt8]) -> ProviderStatus) -> ProbeReply {
        perform("list_networks", input) { calls.listNetworks($0, call: $1, onPage: onPage) }
    }

    package func counts(_ input: Input) -> ProbeReply {
        perform("counts", input) { calls.counts($0, call: $1) }
    }

    /// Runs one call with its call context; a runner that ended meanwhile is remembered with what the host said.
    private func perform(
        _ name: String,
        _ input: Input,
        _ body: (PluginCallInput, CallContext) -> PluginReply
    ) -> ProbeReply {
        onCall(name)
        let (credentials, callInput): (ProviderCredentials?, PluginCallInput) =
            switch input {
            case .fields(let fields): (fields, .fields(fields))
            case .bytes(let bytes): (nil, .bytes(bytes))
            }
        let call = CallContext(
            providerID: probe.descriptor.id,
            httpClient: probe.httpClient,
            logger: probe.logger,
            credentials: credentials
        )
        let reply = body(callInput, call)
        if let runner, runner.current?.isRunning != true {
            ending.withLock { $0 = $0 ?? reply.message ?? "the runner ended during \(name)" }
        }
        return ProbeReply(reply, redactor: call.redactor)
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
