import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT and SIGTERM into a call (cancel the running sync), so the job ends `cancelled` instead of the
/// process dying mid-call. A second signal exits at once; the job's lease then expires and it is `abandoned`.
final class InterruptSignals {
    private let sources: [any DispatchSourceSignal]

    init(onInterrupt: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "patchbay.signals")
        let seen = Counter()
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)  // the dispatch source receives it instead of the default handler
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if seen.increment() > 1 { exit(130) }
                StandardError.print("interrupted: cancelling the sync (press Ctrl-C again to quit at once)")
                onInterrupt()
            }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }

    /// How many signals arrived.
    private final class Counter: Sendable {
        private let count = Mutex(0)
        func increment() -> Int {
            count.withLock {
                $0 += 1
                return $0
            }
        }
    }
}
