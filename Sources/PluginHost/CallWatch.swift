import Dispatch
import Synchronization

/// The deadlines of one in-process call. The plugin's code runs on a thread the host cannot stop, so at a
/// deadline (or on cancellation) the call is asked to stop through is_cancelled, given a grace period, and then
/// abandoned: the caller gets its error, the thread is left behind, and the provider is marked unhealthy.
/// (A call in a runner is timed by `RunnerProcess.perform`, which can kill.)
final class CallWatch: Sendable {
    private let deadlines: CallDeadlines
    private let name: String
    private let start = ContinuousClock.now
    private let state = Mutex(State())
    private let onAbandon: @Sendable (String) -> Void

    private struct State {
        var isFinished = false
        var lastActivity: ContinuousClock.Instant?
        var stopAskedAt: ContinuousClock.Instant?
        var stopReason: String?
    }

    /// `onAbandon` gets the reason once the call is given up on.
    init(_ name: String, deadlines: CallDeadlines, onAbandon: @escaping @Sendable (String) -> Void) {
        self.name = name
        self.deadlines = deadlines
        self.onAbandon = onAbandon
    }

    /// Starts timing; `call` is cancelled at the deadline.
    func start(call: CallContext) {
        call.onCancel { [self] in
            stopAsked(nil)
            schedule(at: .now + deadlines.grace, call: call)
        }
        schedule(at: start + min(deadlines.total, deadlines.idle ?? deadlines.total), call: call)
    }

    /// Why the call was asked to stop, when a deadline passed (not when it was cancelled).
    var deadlineReason: String? { state.withLock { $0.stopReason } }

    /// The plugin showed life (a page): the idle deadline moves.
    func touch() {
        state.withLock { $0.lastActivity = .now }
    }

    /// Marks the call done; false when it was abandoned first (then its reply is dropped).
    func finish() -> Bool {
        state.withLock { state in
            defer { state.isFinished = true }
            return !state.isFinished
        }
    }

    private func stopAsked(_ reason: String?) {
        state.withLock { state in
            guard state.stopAskedAt == nil else { return }
            state.stopAskedAt = .now
            state.stopReason = reason
        }
    }

    private func schedule(at instant: ContinuousClock.Instant, call: CallContext) {
        let left = ContinuousClock.now.duration(to: instant)
        let nanoseconds =
            max(left.components.seconds, 0) * 1_000_000_000 + max(left.components.attoseconds, 0) / 1_000_000_000
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { [self] in
            check(call: call)
        }
    }

    private func check(call: CallContext) {
        let now = ContinuousClock.now
        enum Step {
            case done
            case wait(ContinuousClock.Instant)
            case ask(String)
            case abandon(String)
        }
        let step = state.withLock { state -> Step in
            if state.isFinished { return .done }
            if let asked = state.stopAskedAt {
                guard now >= asked + deadlines.grace else { return .wait(asked + deadlines.grace) }
                state.isFinished = true
                let why = state.stopReason ?? "was cancelled"
                return .abandon(why)
            }
            let total = start + deadlines.total
            let idle = deadlines.idle.map { (state.lastActivity ?? start) + $0 }
            if now >= total {
                return .ask("did not finish \(name) within \(deadlines.total) (timeouts.\(deadlines.totalKey))")
            }
            if let idle, now >= idle {
                return .ask("sent nothing during \(name) for \(deadlines.idle ?? .zero) (timeouts.list_networks_idle)")
            }
            return .wait(min(total, idle ?? total))
        }
        switch step {
        case .done:
            return
        case .wait(let instant):
            schedule(at: instant, call: call)
        case .ask(let reason):
            stopAsked(reason)
            call.cancel()
            schedule(at: .now + deadlines.grace, call: call)
        case .abandon(let why):
            onAbandon(why)
        }
    }
}
