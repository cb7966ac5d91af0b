import Foundation

/// Runs blocking work on a thread of its own (a database write that may wait for the writer, a blocking HTTP call,
/// a child process), so it never holds one of Swift concurrency's few cooperative threads. The one such helper:
/// core services, test support and benchmarks all use it.
package func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
