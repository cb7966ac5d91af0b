import Synchronization

/// Runs `operation` with a time limit. On expiry the caller gets `timeoutError` at once and the operation is
/// cancelled; a provider call that ignores cancellation keeps its thread but no longer holds anyone up.
func withDeadline<T: Sendable>(
    _ limit: Duration,
    timeoutError: ServiceError,
    operation: @escaping @Sendable () async throws(ServiceError) -> T
) async throws(ServiceError) -> T {
    let outcome = FirstOutcome<T>()
    let result: Result<T, ServiceError> = await withTaskCancellationHandler {
        await withCheckedContinuation { continuation in
            guard outcome.install(continuation) else { return }
            let work = Task {
                do throws(ServiceError) {
                    outcome.finish(.success(try await operation()))
                } catch {
                    outcome.finish(.failure(error))
                }
            }
            outcome.work = work
            Task {
                try? await Task.sleep(for: limit)
                if outcome.finish(.failure(timeoutError)) { work.cancel() }
            }
        }
    } onCancel: {
        outcome.cancel()
    }
    return try result.get()
}

/// Resumes a continuation with whichever outcome arrives first; later ones are dropped. An outcome that arrives
/// before the continuation is installed (cancellation before start) is kept and delivered on install.
private final class FirstOutcome<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Result<T, ServiceError>, Never>?
        var pending: Result<T, ServiceError>?
        var work: Task<Void, Never>?
        var done = false
    }

    private let state = Mutex(State())

    /// Returns false when an outcome already arrived (and was delivered): nothing is left to start.
    func install(_ continuation: CheckedContinuation<Result<T, ServiceError>, Never>) -> Bool {
        let pending: Result<T, ServiceError>? = state.withLock { state in
            if state.pending == nil { state.continuation = continuation }
            return state.pending
        }
        guard let pending else { return true }
        continuation.resume(returning: pending)
        return false
    }

    var work: Task<Void, Never>? {
        get { state.withLock { $0.work } }
        set { state.withLock { $0.work = newValue } }
    }

    /// Returns true when this outcome was the first.
    @discardableResult
    func finish(_ result: Result<T, ServiceError>) -> Bool {
        let (first, continuation): (Bool, CheckedContinuation<Result<T, ServiceError>, Never>?) = state.withLock {
            guard !$0.done else { return (false, nil) }
            $0.done = true
            guard let continuation = $0.continuation else {
                $0.pending = result
                return (true, nil)
            }
            $0.continuation = nil
            return (true, continuation)
        }
        continuation?.resume(returning: result)
        return first
    }

    func cancel() {
        let work = state.withLock { $0.work }
        work?.cancel()
        finish(.failure(ServiceError(.cancelled, "cancelled")))
    }
}
