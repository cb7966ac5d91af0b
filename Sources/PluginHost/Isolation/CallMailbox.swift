import Dispatch
import Synchronization

/// What one call in a runner waits for: the runner's frames for it, the runner's end, or a request to stop.
final class CallMailbox: Sendable {
    enum Event: Sendable {
        case frame(RunnerFrame)
        case exited(RunnerExit)
        case cancelRequested
    }

    private let events = Mutex<[Event]>([])
    private let ready = DispatchSemaphore(value: 0)

    func push(_ event: Event) {
        events.withLock { $0.append(event) }
        ready.signal()
    }

    /// The next event, or nil when `deadline` passed first.
    func next(until deadline: ContinuousClock.Instant) -> Event? {
        let left = ContinuousClock.now.duration(to: deadline)
        let nanoseconds =
            max(left.components.seconds, 0) * 1_000_000_000 + max(left.components.attoseconds, 0) / 1_000_000_000
        guard ready.wait(timeout: .now() + .nanoseconds(Int(min(nanoseconds, Int64(Int.max))))) == .success else {
            return nil
        }
        return events.withLock { $0.removeFirst() }
    }
}
