import Foundation
import Logging
import Synchronization

/// Keeps one plugin's runner alive: restarts it after it ends, with a growing pause, and gives up (marks the
/// plugin failed, with the reason) when it keeps crashing: 5 ends within 60 seconds.
final class RunnerSupervisor: Sendable {
    let configuration: RunnerConfiguration
    let providerID: String
    private let logger: Logger
    private let state: Mutex<State>

    private struct State {
        var current: RunnerProcess?
        var generation: Int
        var ends: [ContinuousClock.Instant] = []
        var lastEnd: String?
        var failure: String?
    }

    static let crashLimit = 5
    static let crashWindow: Duration = .seconds(60)

    init(first: RunnerProcess, configuration: RunnerConfiguration, providerID: String, logger: Logger) {
        self.configuration = configuration
        self.providerID = providerID
        self.logger = logger
        self.state = Mutex(State(current: first, generation: first.generation))
        watch(first)
    }

    /// The runner as it is, never restarted by asking.
    var current: RunnerProcess? { state.withLock { $0.current } }

    /// Why the plugin was given up on; nil while it is healthy.
    var failure: String? { state.withLock { $0.failure } }

    /// The running runner, restarted first if it ended (after its backoff pause). Blocks while it starts.
    func runner() -> Result<RunnerProcess, ProviderError> {
        // One start at a time: the lock is held across the restart, so concurrent callers share it.
        state.withLock { state -> Result<RunnerProcess, ProviderError> in
            if let current = state.current, current.isRunning { return .success(current) }
            if let failure = state.failure {
                return .failure(ProviderError(providerID: providerID, status: .unavailable, message: failure))
            }
            let recent = state.ends.count
            if recent > 0, let last = state.ends.last {
                // 100 ms after the first end, doubling, at most 3.2 s: a crash loop does not spin the machine.
                let pause = Duration.milliseconds(100 << min(recent - 1, 5))
                let left = ContinuousClock.now.duration(to: last + pause)
                if left > .zero {
                    Thread.sleep(
                        forTimeInterval: Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
                    )
                }
            }
            state.generation += 1
            switch RunnerProcess.start(configuration, generation: state.generation, logger: logger) {
            case .success(let (process, raw)):
                let sameID = (try? DescriptorReader(path: configuration.path, raw: raw).read().id) == providerID
                guard sameID else {
                    process.stop()
                    state.failure = "plugin \(providerID) changed on disk since it loaded; restart patchbay to load it"
                    return .failure(
                        ProviderError(providerID: providerID, status: .unavailable, message: state.failure ?? "")
                    )
                }
                state.current = process
                watch(process)
                logger.notice("plugin runner restarted", metadata: ["pid": "\(process.pid)"])
                return .success(process)
            case .failure(let error):
                note(&state, ending: error.detail)
                let message = state.failure ?? "plugin \(providerID) could not be restarted: \(error.detail)"
                return .failure(ProviderError(providerID: providerID, status: .unavailable, message: message))
            }
        }
    }

    private func watch(_ process: RunnerProcess) {
        process.onExit { [weak self] exit, killedBecause in
            guard let self else { return }
            self.logger.warning(
                "plugin runner ended",
                metadata: [
                    "pid": "\(process.pid)", "how": "\(killedBecause.map { "stopped: \($0)" } ?? exit.description)",
                ]
            )
            self.state.withLock { state in
                self.note(&state, ending: killedBecause.map { "stopped because \($0)" } ?? exit.description)
            }
        }
    }

    private func note(_ state: inout State, ending: String) {
        let now = ContinuousClock.now
        state.ends = state.ends.filter { now - $0 < Self.crashWindow } + [now]
        state.lastEnd = ending
        if state.ends.count >= Self.crashLimit, state.failure == nil {
            state.failure =
                "plugin \(providerID) failed: its runner ended \(state.ends.count) times within "
                + "\(Self.crashWindow) (last: \(ending)); fix the plugin, then restart patchbay"
            logger.error("plugin marked failed: \(state.failure ?? "")")
        }
    }

    /// Stops the runner (the host is shutting the provider down).
    func stop() {
        state.withLock { $0.current }?.stop()
    }
}
