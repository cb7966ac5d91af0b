import Foundation

/// Runs a core call that writes to the database on a thread of its own. SQLite has one writer and a sync holds it
/// for the whole sync, so a write may wait that long: it must not hold one of Swift's few cooperative threads (on a
/// two-core host, two such waits would stall every request). Reads never wait and stay on the calling task.
package func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
