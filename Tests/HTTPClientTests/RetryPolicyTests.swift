import Foundation
import HTTPClient
import Testing

@Suite struct RetryPolicyTests {
    private let policy = RetryPolicy(maxRetries: 4, initialBackoff: .milliseconds(100), maxBackoff: .seconds(1))

    @Test func retryAfterReadsDelaySeconds() {
        #expect(RetryPolicy.parseRetryAfter("2") == .seconds(2))
        #expect(RetryPolicy.parseRetryAfter(" 0 ") == .zero)
        #expect(RetryPolicy.parseRetryAfter("99999999999999999999") == .seconds(Int(Int32.max)))
    }

    @Test func retryAfterReadsHTTPDates() throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let inAnHour = formatter.string(from: Date().addingTimeInterval(3_600))

        let wait = try #require(RetryPolicy.parseRetryAfter(inAnHour))

        #expect(wait > .seconds(3_590) && wait <= .seconds(3_600))
        #expect(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT") == .zero)  // past: no wait
        #expect(RetryPolicy.parseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT") == .zero)  // RFC 850 form
        #expect(RetryPolicy.parseRetryAfter("soon") == nil)
    }

    @Test func unreadableRetryAfterFallsBackToBackoff() throws {
        let wait = try #require(policy.delay(retryAfter: "soon", retry: 1))
        #expect(wait >= .milliseconds(50) && wait <= .milliseconds(100))
    }

    @Test func backoffDoublesWithJitterAndStaysUnderTheCap() {
        for retry in 1...6 {
            let step = min(Duration.milliseconds(100) * (1 << (retry - 1)), .seconds(1))
            let wait = policy.backoff(retry: retry)
            #expect(wait >= step / 2 && wait <= step, "retry \(retry): \(wait)")
        }
    }
}
