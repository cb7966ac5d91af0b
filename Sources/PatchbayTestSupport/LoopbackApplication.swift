package import Hummingbird
import Logging
import NIOCore

/// Runs a Hummingbird `responder` on `127.0.0.1:0` (loopback only, a free port) for the duration of `body`, which
/// gets the port; the server stops when `body` returns. Shared by every fake server of the test suite.
package func withLoopbackApplication<Responder: HTTPResponder, Result: Sendable>(
    _ responder: Responder,
    name: String,
    _ body: (Int) async throws -> Result
) async throws -> Result where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
    let (ports, portSink) = AsyncStream<Int>.makeStream()
    var logger = Logger(label: name)
    logger.logLevel = .critical
    let application = Application(
        responder: responder,
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
            throw LoopbackServerError(name: name)
        }
        return try await body(port)
    }
}

/// A loopback server did not come up.
package struct LoopbackServerError: Error, CustomStringConvertible {
    let name: String

    package var description: String {
        "\(name): did not start on 127.0.0.1; check that the loopback interface is up"
    }
}
