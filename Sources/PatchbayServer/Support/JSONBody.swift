import HTTPTypes
import Hummingbird
import JSONText

/// A body the one JSON writer wrote: what a route returns for the shapes that have their own encoder (a network, an
/// integration, a sync run), so the API answers with the same bytes as the CLI's `--json`.
struct JSONBody: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    let bytes: [UInt8]

    /// Writes the body with `write`; `capacity` is a guess of its size.
    init(status: HTTPResponse.Status = .ok, capacity: Int = 1024, _ write: (inout JSONWriter) -> Void) {
        var writer = JSONWriter(capacity: capacity)
        write(&writer)
        self.status = status
        self.bytes = writer.bytes
    }

    func response(from request: Request, context: some RequestContext) -> Response {
        APIResponseEncoder.response(bytes, status: status)
    }
}
