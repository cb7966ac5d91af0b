import JSONText
import Synchronization

/// An instance of a plugin in its runner, for one set of settings. A restarted runner has no instances, so each is
/// created again (with the same settings) on the first call after a restart.
final class RunnerInstance: PluginCalls {
    private let supervisor: RunnerSupervisor
    private let settings: [String: String]
    /// The instance id in the runner of a given generation.
    private let created = Mutex<(generation: Int, id: UInt32)?>(nil)

    private init(supervisor: RunnerSupervisor, settings: [String: String]) {
        self.supervisor = supervisor
        self.settings = settings
    }

    /// Creates the instance in the runner now, so a bad configuration shows when it is asked for.
    static func create(
        supervisor: RunnerSupervisor,
        settings: [String: String]
    ) -> Result<RunnerInstance, PluginReplyError> {
        let instance = RunnerInstance(supervisor: supervisor, settings: settings)
        switch instance.ready() {
        case .success: return .success(instance)
        case .failure(let failure): return .failure(failure)
        }
    }

    deinit {
        guard let created = created.withLock({ $0 }), let runner = supervisor.current,
            runner.generation == created.generation
        else { return }
        var payload = WireWriter()
        payload.u32(created.id)
        runner.channel.send(.destroy, call: 0, payload: payload.bytes)
    }

    /// The running runner and this instance's id in it, created there first if needed.
    private func ready() -> Result<(RunnerProcess, UInt32), PluginReplyError> {
        let runner: RunnerProcess
        switch supervisor.runner() {
        case .success(let found): runner = found
        case .failure(let error): return .failure(PluginReplyError(status: error.status, message: error.message))
        }
        return created.withLock { created -> Result<(RunnerProcess, UInt32), PluginReplyError> in
            if let created, created.generation == runner.generation { return .success((runner, created.id)) }
            let settingsJSON = JSONWriter.bytes(of: settings)
            let timeouts = supervisor.configuration.timeouts
            let reply = runner.perform(
                "create",
                providerID: supervisor.providerID,
                call: nil,
                deadlines: CallDeadlines(total: timeouts.create, totalKey: "create", grace: timeouts.grace)
            ) { id in
                var payload = WireWriter()
                payload.data(settingsJSON)
                return runner.channel.send(.create, call: id, payload: payload.bytes)
            }
            guard reply.status == .ok else {
                return .failure(PluginReplyError(status: reply.status, message: reply.message))
            }
            guard let bytes = reply.result, bytes.count == 4 else {
                return .failure(PluginReplyError(status: .internal, message: "create returned OK but no instance"))
            }
            var reader = WireReader(bytes)
            let id = reader.u32()
            created = (runner.generation, id)
            return .success((runner, id))
        }
    }

    func validate(_ input: PluginCallInput, call: CallContext) -> PluginReply {
        perform(.validate, input, call: call)
    }

    func listNetworks(
        _ input: PluginCallInput,
        call: CallContext,
        onPage: @escaping @Sendable ([UInt8]) -> ProviderStatus
    ) -> PluginReply {
        perform(.listNetworks, input, call: call, onPage: onPage)
    }

    func counts(_ input: PluginCallInput, call: CallContext) -> PluginReply {
        perform(.counts, input, call: call)
    }

    private func perform(
        _ kind: RunnerFrame.CallKind,
        _ input: PluginCallInput,
        call: CallContext,
        onPage: (([UInt8]) -> ProviderStatus)? = nil
    ) -> PluginReply {
        let runner: RunnerProcess
        let id: UInt32
        switch ready() {
        case .success(let found): (runner, id) = found
        case .failure(let failure):
            return PluginReply(status: failure.status, message: failure.message ?? "create failed")
        }
        return runner.perform(
            kind.name,
            providerID: supervisor.providerID,
            call: call,
            deadlines: deadlines(kind),
            onPage: onPage
        ) { callID in
            runner.channel.sendCall(call: callID, kind: kind, instance: id, input: input)
        }
    }

    private func deadlines(_ kind: RunnerFrame.CallKind) -> CallDeadlines {
        let timeouts = supervisor.configuration.timeouts
        switch kind {
        case .validate:
            return CallDeadlines(total: timeouts.validate, totalKey: "validate", grace: timeouts.grace)
        case .counts:
            return CallDeadlines(total: timeouts.counts, totalKey: "counts", grace: timeouts.grace)
        case .listNetworks:
            return CallDeadlines(
                total: timeouts.listTotal,
                totalKey: "list_networks_total",
                idle: timeouts.listIdle,
                grace: timeouts.grace
            )
        }
    }
}
