import HTTPTypes
import Hummingbird
import NIOCore

/// The request context of the loopback server: Hummingbird's basics plus the client's port.
struct LoopbackContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remotePort: Int?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remotePort = source.channel.remoteAddress?.port
    }
}

/// Records each request in the journal, then answers with what the test's handler returns.
struct LoopbackResponder: HTTPResponder {
    let journal: LoopbackJournal
    let handler: LoopbackHandler

    func respond(to request: Request, context: LoopbackContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 16 << 20)
        let received = journal.record(
            LoopbackRequest(
                method: request.method.rawValue,
                path: request.uri.path,
                query: request.uri.query ?? "",
                headers: request.headers.map { (name: $0.name.rawName, value: $0.value) },
                body: Array(body.readableBytesView),
                remotePort: context.remotePort
            )
        )
        let answer = try await handler(received)
        if answer.delay > .zero {
            try await Task.sleep(for: answer.delay)
        }
        var fields = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) {
                fields.append(HTTPField(name: name, value: header.value))
            }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        )
    }
}
