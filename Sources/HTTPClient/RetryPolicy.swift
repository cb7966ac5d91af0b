/// Which answers are tried again, and after how long.
///
/// 429 is retried for every method (the server refused before doing anything); 502/503/504 and transport failures
/// only for idempotent requests, since the first attempt may have been carried out. A failed connect never reached
/// the server, so it is retried for every method. 401/403 are never retried.
package struct RetryPolicy: Sendable {
    static let retryableStatuses: Set<Int> = [429, 502, 503, 504]

    package let maxRetries: Int
    package let initialBackoff: Duration
    package let maxBackoff: Duration

    package init(maxRetries: Int, initialBackoff: Duration, maxBackoff: Duration) {
        self.maxRetries = max(0, maxRetries)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
    }

    /// Whether `status` is one to retry. A policy that allows no retries retries none: its client returns the
    /// answer as it is (a 503 included) instead of reporting retries exhausted.
    func mayRetry(status: Int, isIdempotent: Bool) -> Bool {
        maxRetries > 0 && (status == 429 || (isIdempotent && Self.retryableStatuses.contains(status)))
    }

    func mayRetry(_ failure: CurlFailure.Kind, isIdempotent: Bool) -> Bool {
        switch failure {
        case .couldNotConnect:
            true
        case .timedOut, .other:
            isIdempotent
        case .cancelled, .tls, .responseTooLarge, .invalidRequest:
            false
        }
    }

    /// The wait before retry number `retry` (1-based): the server's `Retry-After` when it sent one, else backoff.
    /// nil when the server asks for longer than `maxBackoff`: retrying sooner than asked would only burn budget.
    package func delay(retryAfter: String?, retry: Int) -> Duration? {
        guard let retryAfter, let asked = Self.parseRetryAfter(retryAfter) else {
            return backoff(retry: retry)
        }
        return asked <= maxBackoff ? asked : nil
    }

    /// Exponential backoff with "equal jitter": half the step fixed, half random, so concurrent callers spread out
    /// while every wait stays at least half the step.
    package func backoff(retry: Int) -> Duration {
        var step = initialBackoff
        for _ in 1..<max(1, retry) where step < maxBackoff {
            step *= 2
        }
        step = min(step, maxBackoff)
        return step / 2 + step / 2 * Double.random(in: 0...1)
    }

    /// `Retry-After` as delay-seconds or an HTTP-date; a date in the past means no wait. nil when unreadable.
    package static func parseRetryAfter(_ value: String) -> Duration? {
        var text = Substring(value)
        while text.first?.isWhitespace == true {
            text.removeFirst()
        }
        while text.last?.isWhitespace == true {
            text.removeLast()
        }
        if !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            // Too many digits for an Int is still "a very long time".
            return .seconds(Int(text) ?? Int(Int32.max))
        }
        return CurlDate.secondsUntil(String(text)).map { .seconds(max(0, $0)) }
    }
}
