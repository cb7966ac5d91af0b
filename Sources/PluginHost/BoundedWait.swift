import Dispatch
import Foundation
import Synchronization

/// Runs plugin code the host cannot interrupt (a constructor, the entry point, `create` in-process) on a thread of
/// its own and waits for it at most `limit`. Past the limit the caller goes on without it: the thread is left
/// behind, still inside the plugin, and whatever it returns later is dropped.
enum BoundedWait {
    /// `body`'s value, or nil when it did not return within `limit`.
    static func run<Value: Sendable>(within limit: Duration, _ body: @escaping @Sendable () -> Value) -> Value? {
        let box = Box<Value>()
        // A thread of its own, never a libdispatch worker: an abandoned call keeps it forever.
        Thread.detachNewThread {
            box.value.withLock { $0 = body() }
            box.done.signal()
        }
        let (seconds, attoseconds) = limit.components
        let nanoseconds = max(seconds, 0) * 1_000_000_000 + max(attoseconds, 0) / 1_000_000_000
        guard box.done.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .success else { return nil }
        return box.value.withLock { $0 }
    }

    private final class Box<Value: Sendable>: Sendable {
        let value = Mutex<Value?>(nil)
        let done = DispatchSemaphore(value: 0)
    }
}
