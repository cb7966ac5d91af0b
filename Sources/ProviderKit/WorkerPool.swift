import Synchronization

/// Runs blocking work (HTTP through the host) on threads of its own, for a provider that fans out within one
/// call, e.g. one organization per worker.
///
/// Plain threads, not Dispatch: on Linux, Swift's async executor shares libdispatch's global pool, so workers
/// blocked on I/O there would starve async code elsewhere in the host process.
public enum WorkerPool {
    /// Calls `body` for every item, at most `width` at a time, and waits for all of them. After the first failure
    /// no new item starts. Returns the failures with the index of their item, in index order.
    public static func forEach<Item: Sendable>(
        _ items: [Item],
        width: Int,
        _ body: @escaping @Sendable (Item) throws -> Void
    ) -> [(index: Int, error: any Error)] {
        let state = Mutex<(next: Int, failures: [(index: Int, error: any Error)])>((0, []))
        let work: @Sendable () -> Void = {
            while true {
                let index: Int? = state.withLock { state in
                    guard state.failures.isEmpty, state.next < items.count else { return nil }
                    defer { state.next += 1 }
                    return state.next
                }
                guard let index else { return }
                do {
                    try body(items[index])
                } catch {
                    state.withLock { $0.failures.append((index, error)) }
                }
            }
        }
        let count = max(0, min(width, items.count))
        // The calling thread is one of the workers; it would only wait otherwise.
        let threads = (0..<max(0, count - 1)).compactMap { _ in WorkerThread.start(work) }
        if count > 0 { work() }
        // Returns once every item is claimed (a thread that failed to start leaves its share to this one).
        for thread in threads { thread.join() }
        return state.withLock { $0.failures.sorted { $0.index < $1.index } }
    }
}
