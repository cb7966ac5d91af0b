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
    let (ports, portSink) = AsyncStream<Int>.makeStream()
    var logger = Logger(label: "patchbay.loopback")
    logger.logLevel = .critical
    let application = Application(
        responder: LoopbackResponder(journal: journal, handler: handler),
        configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0), serverName: nil),
        onServerRunning: { channel in
            portSink.yield(channel.localAddress?.port ?? 0)
            portSink.finish()
        },
        logger: logger
    )
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { portSink.finish() }  // a server that fails to start must not leave the test waiting
            try await application.run()
        }
        defer { group.cancelAll() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            throw LoopbackServerError()
        }
        return try await body(LoopbackServer(port: port, journal: journal))
    }
}

/// The loopback server did not come up.
package struct LoopbackServerError: Error, CustomStringConvertible {
    package var description: String {
        "loopback server: did not start on 127.0.0.1; check that the loopback interface is up"
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
