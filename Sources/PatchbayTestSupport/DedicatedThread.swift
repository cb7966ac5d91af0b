import Foundation

/// Runs blocking work (such as `HTTPClient.perform`) on a thread of its own, as a plugin's thread would, so it never
/// holds one of Swift concurrency's few cooperative threads (which the loopback server's handlers need).
package func onDedicatedThread<Result: Sendable>(
    _ work: @escaping @Sendable () throws -> Result
) async throws -> Result {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Swift.Result { try work() })
        }
        thread.start()
    }
}
