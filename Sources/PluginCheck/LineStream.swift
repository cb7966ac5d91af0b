import Foundation
import Synchronization

/// The lines a child writes to a pipe, read on a thread of their own, so the reader can wait for the next one with
/// a deadline: a child stuck in a plugin call writes nothing, and the wait says so instead of blocking forever.
final class LineStream: Sendable {
    enum Next {
        case line(Data)
        case end
        case timedOut
    }

    private let queue = Mutex(Queue())
    private let available = DispatchSemaphore(value: 0)

    private struct Queue {
        var lines: [Data] = []
        var isEnded = false
    }

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    push(Data(pending[pending.startIndex..<newline]))
                    pending.removeSubrange(pending.startIndex...newline)
                }
            }
            if !pending.isEmpty { push(pending) }
            queue.withLock { $0.isEnded = true }
            available.signal()
        }
    }

    /// The next line; `.end` once the pipe closed and every line was taken; `.timedOut` after `timeout` without one.
    func next(timeout: Duration?) -> Next {
        while true {
            let taken = queue.withLock { queue -> Next? in
                if !queue.lines.isEmpty { return .line(queue.lines.removeFirst()) }
                return queue.isEnded ? .end : nil
            }
            if let taken { return taken }
            if let timeout {
                let (seconds, attoseconds) = timeout.components
                let nanoseconds = max(seconds, 0) * 1_000_000_000 + max(attoseconds, 0) / 1_000_000_000
                if available.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .timedOut { return .timedOut }
            } else {
                available.wait()
            }
        }
    }

    private func push(_ line: Data) {
        queue.withLock { $0.lines.append(line) }
        available.signal()
    }
}
