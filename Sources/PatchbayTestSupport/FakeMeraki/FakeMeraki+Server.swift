import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// Runs a FakeMeraki on `127.0.0.1:0` for the duration of `body`, then stops it.
package func withFakeMeraki<Result: Sendable>(
    _ dataset: FakeMerakiDataset = .generated(organizations: 3, networksPerOrganization: 7),
    _ body: (FakeMeraki) async throws -> Result
) async throws -> Result {
    let fake = FakeMeraki(dataset)
    let router = Router()
    router.get("**") { request, _ -> Response in
        if let delay = fake.delay(for: request.uri.path) {
            try await Task.sleep(for: delay)  // a slow provider, not a test waiting
        }
        let answer = fake.respond(
            path: request.uri.path,
            query: request.uri.query,
            authority: request.head.authority ?? "",
            authorization: request.headers[.authorization]
        )
        return answer.hummingbirdResponse
    }
    return try await withLoopbackApplication(router.buildResponder(), name: "FakeMeraki") { port in
        fake.state.withLock { $0.port = port }
        return try await body(fake)
    }
}

extension FakeResponse {
    var hummingbirdResponse: Response {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
