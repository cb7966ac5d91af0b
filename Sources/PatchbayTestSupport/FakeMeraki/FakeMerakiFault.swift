/// A misbehaviour FakeMeraki injects into the next requests of one path.
package enum FakeMerakiFault: Sendable, Equatable {
    /// 429 with `Retry-After: seconds` and Meraki's error body.
    case tooManyRequests(retryAfterSeconds: Int)
    /// 503 with an HTML body, as a load balancer sends it.
    case serviceUnavailable
    /// 503 with `Retry-After: seconds`, so a test of exhausted retries needs no backoff.
    case unavailable(retryAfterSeconds: Int)
    /// The right status and headers, but only the first half of the JSON body.
    case truncatedBody
    /// 200 with a body that is not JSON.
    case malformedBody
    /// 307 to the same path and query on another authority (`localhost:PORT`): another host.
    case redirect(authority: String)
    /// 307 to the same path under `/n42` on the same host: a shard of the same cloud.
    case redirectToShard
    /// Any status with Meraki's `{"errors": [...]}` body.
    case status(Int, errors: [String])
    /// 200 with exactly this JSON body (e.g. optional fields left out, as the published spec allows).
    case body(String)
}
