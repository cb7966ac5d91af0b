import Synchronization

/// Idle easy handles kept for reuse. A handle keeps its connections alive, so taking the most recently returned
/// handle (LIFO) usually finds a warm connection to the same host.
final class CurlEasyPool: Sendable {
    private let idle = Mutex<[CurlEasy]>([])
    private let capacity: Int

    init(capacity: Int = 16) {
        self.capacity = capacity
    }

    /// Runs `body` with a handle no other thread uses meanwhile.
    func withHandle<Result>(_ body: (CurlEasy) throws(CurlFailure) -> Result) throws(CurlFailure) -> Result {
        let easy: CurlEasy
        if let warm = idle.withLock({ $0.popLast() }) {
            easy = warm
        } else {
            easy = try CurlEasy()
        }
        defer { checkIn(easy) }
        return try body(easy)
    }

    private func checkIn(_ easy: CurlEasy) {
        idle.withLock { handles in
            if handles.count < capacity {
                handles.append(easy)
            }
        }
    }
}
