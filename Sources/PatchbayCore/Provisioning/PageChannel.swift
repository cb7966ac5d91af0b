import Dispatch
import Storage
import Synchronization

/// Hands pages from the provider's thread to the thread holding the sync transaction, one page at a time: the
/// provider blocks in `put` until the page was taken, which keeps memory flat however long the listing is.
final class PageChannel: NetworkPageSource, Sendable {
    private struct State {
        var page: [SyncedNetwork]?
        var finished = false
        var failure: ServiceError?
        var closed: ServiceError?
    }

    private let state = Mutex(State())
    /// Signalled once per page put, once on finish and once on close: the consumer always wakes to something.
    private let available = DispatchSemaphore(value: 0)
    /// Signalled once per page taken and once on close.
    private let taken = DispatchSemaphore(value: 0)

    /// Called by the producer; returns once the page was taken, throws once the consumer has gone away.
    func put(_ networks: [SyncedNetwork]) throws(ServiceError) {
        let closed = state.withLock { state -> ServiceError? in
            if state.closed == nil { state.page = networks }
            return state.closed
        }
        if let closed { throw closed }
        available.signal()
        taken.wait()
        if let closed = state.withLock({ $0.closed }) { throw closed }
    }

    /// Called by the producer when the listing ended: complete (nil) or failed.
    func finish(_ error: ServiceError?) {
        state.withLock {
            $0.finished = true
            $0.failure = error
        }
        available.signal()
    }

    /// Called by the consumer when it stops early (error or cancellation), releasing a blocked producer.
    func close(_ reason: ServiceError) {
        let first = state.withLock { state -> Bool in
            guard state.closed == nil else { return false }
            state.closed = reason
            return true
        }
        guard first else { return }
        taken.signal()
        available.signal()
    }

    func nextPage() throws -> [SyncedNetwork]? {
        available.wait()
        let next = try state.withLock { state throws(ServiceError) -> [SyncedNetwork]? in
            if let page = state.page {
                state.page = nil
                return page
            }
            if let closed = state.closed { throw closed }
            if let failure = state.failure { throw failure }
            return nil
        }
        if next != nil { taken.signal() }
        return next
    }
}
