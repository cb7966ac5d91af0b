import Foundation
import Synchronization

/// Starts every runner from one thread that lives as long as the process.
///
/// A runner asks the kernel to kill it when its parent dies (PR_SET_PDEATHSIG), so it never outlives the host. The
/// kernel means the parent *thread*: a runner started from a short-lived thread (a dispatch worker, a test's
/// thread) would be killed when that thread exits. So runners are started here.
enum RunnerLauncher {
    private struct Request {
        let work: @Sendable () -> Void
    }

    private static let queue = Mutex<[Request]>([])
    private static let ready = DispatchSemaphore(value: 0)
    private static let thread: Void = {
        let thread = Thread {
            while true {
                ready.wait()
                let request = queue.withLock { $0.removeFirst() }
                request.work()
            }
        }
        thread.name = "patchbay-runner-launcher"
        thread.start()
    }()

    /// Runs `body` on the launcher thread and waits for its result.
    static func run<Value: Sendable>(_ body: @escaping @Sendable () -> Value) -> Value {
        _ = thread
        let result = Mutex<Value?>(nil)
        let done = DispatchSemaphore(value: 0)
        queue.withLock {
            $0.append(
                Request {
                    let value = body()
                    result.withLock { $0 = value }
                    done.signal()
                }
            )
        }
        ready.signal()
        done.wait()
        guard let value = result.withLock({ $0 }) else { preconditionFailure("the launcher always sets a result") }
        return value
    }
}
