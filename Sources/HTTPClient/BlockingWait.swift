#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Blocks the calling thread until a deadline, polling a cancellation check every few milliseconds.
enum BlockingWait {
    private static let slice: Duration = .milliseconds(5)

    /// Waits until `deadline`; false (and early) when `isCancelled` turns true. Checks cancellation at least once.
    static func until(_ deadline: ContinuousClock.Instant, unlessCancelled isCancelled: () -> Bool) -> Bool {
        let clock = ContinuousClock()
        while true {
            if isCancelled() {
                return false
            }
            let remaining = deadline - clock.now
            guard remaining > .zero else {
                return true
            }
            sleep(for: min(remaining, slice))
        }
    }

    private static func sleep(for duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR {
            request = remaining
        }
    }
}
