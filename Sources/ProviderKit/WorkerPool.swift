import Dispatch
import Synchronization

/// Runs blocking work (HTTP through the host) on a few threads of its own, for a provider that fans out within
/// one call, e.g. one organization per worker.
public enum WorkerPool {
    /// Calls `body` for every item, at most `width` at a time, and waits for all of them. After the first failure
    /// no new item starts. Returns the failures with the index of their item, in index order.
    public static func forEach<Item: Sendable>(
        _ items: [Item],
        width: Int,
        _ body: @escaping @Sendable (Item) throws -> Void
    ) -> [(index: Int, error: any Error)] {
        let state = Mutex<(next: Int, failures: [(index: Int, error: any Error)])>((0, []))
        let group = DispatchGroup()
        for worker in 0..<max(1, min(width, items.count)) {
            // One serial queue per worker: each gets a thread of its own while it blocks on I/O.
            DispatchQueue(label: "providerkit.worker.\(worker)").async(group: group) {
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
        }
        group.wait()
        return state.withLock { $0.failures.sorted { $0.index < $1.index } }
    }
}
