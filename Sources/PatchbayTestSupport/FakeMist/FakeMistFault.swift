/// A misbehaviour FakeMist injects into the next requests of one path.
package enum FakeMistFault: Sendable, Equatable {
    /// Any status with Mist's `{"detail": "..."}` body.
    case status(Int, detail: String)
    /// 200 with a body that is not JSON.
    case malformedBody
    /// The right answer without the X-Page-Total header, as some Mist endpoints send it.
    case withoutTotal
}
