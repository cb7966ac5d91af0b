import Foundation
import Logging
import Synchronization

/// One running plugin runner: the child process, its socket, and the calls in flight in it.
///
/// A reader thread routes each frame to the call it belongs to; when the runner ends (a crash, an exit, a kill),
/// every call still in flight gets that news and fails with it, and the supervisor decides about a restart.
final class RunnerProcess: Sendable {
    let pid: Int32
    /// Which start of the plugin this is (1 for the first); instances are created once per start.
    let generation: Int
    let channel: RunnerChannel
    private let state = Mutex(State())
    private let nextCall = Atomic<UInt32>(1)
    let logger: Logger

    private struct State {
        var mailboxes: [UInt32: CallMailbox] = [:]
        var exit: RunnerExit?
        /// Why the host killed the runner, when it did.
        var killedBecause: String?
        /// The host closed the socket on purpose (the provider was released): the end is no failure.
        var isStopping = false
        var onExit: (@Sendable (RunnerExit, String?) -> Void)?
    }

    private init(pid: Int32, generation: Int, channel: RunnerChannel, logger: Logger) {
        self.pid = pid
        self.generation = generation
        self.channel = channel
        self.logger = logger
    }

    /// Starts a runner for `configuration` and waits (up to the load deadline) for the library's descriptor.
    static func start(
        _ configuration: RunnerConfiguration,
        generation: Int,
        logger: Logger
    ) -> Result<(RunnerProcess, RawDescriptor), PluginLoadError> {
        let path = configuration.path
        let started: RunnerSpawn.Started
        let spawned = RunnerLauncher.run {
            RunnerSpawn.start(
                runner: configuration.runner,
                library: path,
                pinned: configuration.pinned,
                addressSpaceMegabytes: configuration.limits.addressSpaceMegabytes,
                openFiles: configuration.limits.openFiles
            )
        }
        switch spawned {
        case .success(let value): started = value
        case .failure(let error): return .failure(PluginLoadError(path: path, reason: .runnerFailed(error.what)))
        }
        let output = RunnerOutputTarget(logger, path: path)
        RunnerOutput.pump(started.output, target: output)
        let failure = { (what: String) in PluginLoadError(path: path, reason: .runnerFailed(what)) }
        let deadline = ContinuousClock.now + configuration.timeouts.load
        // Where loading got to: a crash is then pinned on the constructors, the entry point or the descriptor.
        var stage = "while loading (in a constructor)"
        while true {
            switch started.channel.receive(timeout: ContinuousClock.now.duration(to: deadline)) {
            case .frame(let frame) where frame.kind == .stage:
                stage =
                    frame.payload.first == 1
                    ? "in patchbay_provider_entry"
                    : "while its descriptor was read (a bad pointer or a list without NULL)"
                continue
            case .frame(let frame) where frame.kind == .descriptor:
                guard let raw = RawDescriptor(wire: frame.payload) else {
                    RunnerSpawn.kill(started.pid)
                    _ = RunnerSpawn.reap(started.pid)
                    return .failure(failure("the plugin runner sent a malformed descriptor; reinstall Patchbay"))
                }
                if let id = raw.body?.id { output.tag(providerID: String(decoding: id, as: UTF8.self)) }
                let process = RunnerProcess(
                    pid: started.pid,
                    generation: generation,
                    channel: started.channel,
                    logger: logger
                )
                process.startReading()
                return .success((process, raw))
            case .frame(let frame) where frame.kind == .loadFailed:
                RunnerSpawn.kill(started.pid)
                _ = RunnerSpawn.reap(started.pid)
                return .failure(loadFailure(frame.payload, path: path, pinned: configuration.pinned != nil))
            case .frame, .closed:
                // Killed first in case only the socket closed; a runner that already ended keeps its exit status.
                RunnerSpawn.kill(started.pid)
                let exit = RunnerSpawn.reap(started.pid)
                let what =
                    exit == .exited(0) || exit == .exited(1)
                    ? "the library \(exit) \(stage): it called exit; a library must do nothing when loaded (no "
                        + "exit, I/O or threads before create)"
                    : "the library \(exit) \(stage); fix the plugin: loading must do nothing but return the descriptor"
                return .failure(failure(what))
            case .timedOut:
                RunnerSpawn.kill(started.pid)
                _ = RunnerSpawn.reap(started.pid)
                return .failure(
                    failure(
                        "did not finish loading within \(configuration.timeouts.load) (it blocks \(stage)); make "
                            + "loading do nothing, or raise timeouts.load in plugins.yaml"
                    )
                )
            }
        }
    }

    private static func loadFailure(_ payload: [UInt8], path: String, pinned: Bool) -> PluginLoadError {
        var reader = WireReader(payload)
        let reason = reader.u8()
        var detail = reader.string()
        switch reason {
        case 2: return PluginLoadError(path: path, reason: .missingSymbol(ProviderABI.entrySymbol))
        case 3: return PluginLoadError(path: path, reason: .nullEntry)
        default:
            if let mismatch = ELFIdentity.mismatch(at: path) {
                return PluginLoadError(path: path, reason: .wrongArchitecture(mismatch))
            }
            // glibc starts the message with the path it opened; the error names the path once.
            for opened in [pinned ? "/proc/self/fd/4" : path] where detail.hasPrefix(opened + ": ") {
                detail.removeFirst(opened.count + 2)
            }
            return PluginLoadError(path: path, reason: .cannotOpen(detail))
        }
    }

    /// Runs `handler` once when the runner ends, with how it ended and why the host killed it (if it did).
    func onExit(_ handler: @escaping @Sendable (RunnerExit, String?) -> Void) {
        let ended = state.withLock { state -> (RunnerExit, String?)? in
            guard let exit = state.exit else {
                state.onExit = handler
                return nil
            }
            return (exit, state.killedBecause)
        }
        if let ended { handler(ended.0, ended.1) }
    }

    var isRunning: Bool { state.withLock { $0.exit == nil } }

    /// Registers a new call; nil when the runner has already ended.
    func open() -> (id: UInt32, mailbox: CallMailbox)? {
        let id = nextCall.wrappingAdd(1, ordering: .relaxed).oldValue
        let mailbox = CallMailbox()
        let registered = state.withLock { state -> Bool in
            guard state.exit == nil else { return false }
            state.mailboxes[id] = mailbox
            return true
        }
        return registered ? (id, mailbox) : nil
    }

    func close(_ id: UInt32) {
        _ = state.withLock { $0.mailboxes.removeValue(forKey: id) }
    }

    /// How the runner ended and why the host stopped it, once it has.
    var ending: (exit: RunnerExit, killedBecause: String?)? {
        state.withLock { state in state.exit.map { ($0, state.killedBecause) } }
    }

    /// Kills the runner (a call hung past its grace); every call in it then fails.
    func kill(because reason: String) {
        let first = state.withLock { state -> Bool in
            guard state.exit == nil, state.killedBecause == nil else { return false }
            state.killedBecause = reason
            return true
        }
        if first { RunnerSpawn.kill(pid) }
    }

    /// Closes the socket: the runner exits when it reads the end, and the reader thread reaps it.
    func stop() {
        state.withLock { $0.isStopping = true }
        channel.shutDown()
    }

    private func startReading() {
        let thread = Thread { [self] in readLoop() }
        thread.name = "patchbay-runner-\(pid)"
        thread.start()
    }

    private func readLoop() {
        while case .frame(let frame) = channel.receive() {
            let mailbox = state.withLock { $0.mailboxes[frame.call] }
            if let mailbox {
                mailbox.push(.frame(frame))
            } else if frame.kind == .log {
                RunnerLog.write(frame.payload, call: nil, logger: logger)
            }
        }
        // Closed: the runner ended (or is ending). Kill it in case only the socket closed, then reap.
        RunnerSpawn.kill(pid)
        let exit = RunnerSpawn.reap(pid)
        let (mailboxes, handler, reason, stopping) = state.withLock { state in
            state.exit = exit
            defer { state.mailboxes = [:] }
            return (Array(state.mailboxes.values), state.onExit, state.killedBecause, state.isStopping)
        }
        for mailbox in mailboxes { mailbox.push(.exited(exit)) }
        if stopping {
            logger.debug("plugin runner stopped", metadata: ["pid": "\(pid)"])
        } else {
            handler?(exit, reason)
        }
    }
}
