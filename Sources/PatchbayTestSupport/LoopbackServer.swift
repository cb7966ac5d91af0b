import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1, at a port the OS picked, that answers each request as the test scripts.
///
/// It records every request (method, path, headers, body, client port) so a test can count requests and read what
/// each one carried. Start one with `withLoopbackServer`.
package final class LoopbackServer: Sendable {
    package let port: Int
    private let journal: LoopbackJournal

    init(port: Int, journal: LoopbackJournal) {
        self.port = port
        self.journal = journal
    }

    /// `127.0.0.1:<port>`, the entry that allows this server (and only it) in an egress allow-list.
    package var hostAndPort: String { "127.0.0.1:\(port)" }
    /// `http://127.0.0.1:<port>`, without a trailing slash.
    package var baseURL: String { "http://\(hostAndPort)" }
    /// Every request received so far, in order of arrival.
    package var requests: [LoopbackRequest] { journal.requests }
    package var requestCount: Int { journal.requests.count }

    /// The requests received for `path` (query excluded).
    package func requests(to path: String) -> [LoopbackRequest] {
        journal.requests.filter { $0.path == path }
    }
}

/// Answers one request; runs on the server's tasks, so it may `await` (e.g. to delay an answer).
package typealias LoopbackHandler = @Sendable (LoopbackRequest) async throws -> LoopbackResponse

/// Runs `body` with a loopback server answering through `handler`, and stops the server when `body` returns.
package func withLoopbackServer<Result: Sendable>(
    _ handler: @escaping LoopbackHandler,
    _ body: (LoopbackServer) async throws -> Result
) async throws -> Result {
    let journal = LoopbackJournal()
    return try await withLoopbackApplication(
        LoopbackResponder(journal: journal, handler: handler),
        name: "loopback server"
    ) { port in
        try await body(LoopbackServer(port: port, journal: journal))
    }
}

/// The requests one server received; shared between the server's tasks and the test.
final class LoopbackJournal: Sendable {
    private let entries = Mutex<[LoopbackRequest]>([])

    var requests: [LoopbackRequest] { entries.withLock { $0 } }

    /// Records a request and returns it with its 0-based index of arrival.
    func record(_ request: LoopbackRequest) -> LoopbackRequest {
        entries.withLock { entries in
            var indexed = request
            indexed.index = entries.count
            entries.append(indexed)
            return indexed
        }
    }
}
