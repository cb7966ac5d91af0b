import Foundation
import Logging
import PostgresNIO
import Synchronization

/// A bounded pool of PostgreSQL connections for a store whose interface is synchronous.
///
/// THE ONE BRIDGE from postgres-nio's futures to the store's blocking methods lives here (`wait`): a method blocks
/// its calling thread until the event loop answers. That is safe because Core calls the store only from threads of
/// its own (`onOwnThread`), never from Swift's cooperative pool nor from a NIO event loop, so no thread the driver
/// or the server needs is ever the one waiting. postgres-nio's `PostgresClient` pools for async callers only; a
/// synchronous caller would have to park a pool task per borrowed connection, so this pool hands out connections
/// directly, bounded by a semaphore.
final class PostgresConnectionPool: Sendable {
    let url: DatabaseURL
    private let configuration: PostgresConnection.Configuration
    private let idle = Mutex<[PostgresConnection]>([])
    private let slots: DispatchSemaphore
    private let nextID = Atomic<Int>(1)
    private let logger: Logger
    /// How long a caller waits for a free connection before the store reports itself busy.
    private let waitSeconds: Double

    init(url: DatabaseURL, maximumConnections: Int, waitSeconds: Double, logger: Logger) throws(StorageError) {
        self.url = url
        self.waitSeconds = waitSeconds
        self.logger = logger
        slots = DispatchSemaphore(value: maximumConnections)
        configuration = try Self.configuration(url)
    }

    /// Runs `body` with a connection of its own; the connection goes back to the pool afterwards, unless it broke.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        guard slots.wait(timeout: .now() + waitSeconds) == .success else {
            throw StorageError(path: url.redacted, reason: .busy)
        }
        defer { slots.signal() }
        let connection = try checkOut()
        defer {
            if connection.isClosed {
                // dropped: the next caller connects anew
            } else {
                idle.withLock { $0.append(connection) }
            }
        }
        return try body(connection)
    }

    /// A new connection, outside the pool: for the migration lock and the first check of a URL.
    func connect() throws -> PostgresConnection {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        return try wait(
            PostgresConnection.connect(
                on: PostgresClient.defaultEventLoopGroup.next(),
                configuration: configuration,
                id: id,
                logger: logger
            )
        )
    }

    func close() {
        let connections = idle.withLock { pool in
            defer { pool.removeAll() }
            return pool
        }
        for connection in connections { _ = try? wait(connection.close()) }
    }

    /// Blocks the calling thread until `future` completes (see the type's comment for why that is safe here).
    func wait<T>(_ future: EventLoopFuture<T>) throws -> T {
        try future.wait()
    }

    private func checkOut() throws -> PostgresConnection {
        while let connection = idle.withLock({ $0.popLast() }) {
            if !connection.isClosed { return connection }
        }
        return try connect()
    }

    private static func configuration(_ url: DatabaseURL) throws(StorageError) -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch url.endpoint {
        case .tcp(let host, let port):
            configuration = PostgresConnection.Configuration(
                host: host,
                port: port,
                username: url.user,
                password: url.password,
                database: url.database,
                tls: try tls(url)
            )
        case .socket(let directory, let port):
            configuration = PostgresConnection.Configuration(
                unixSocketPath: directory + "/.s.PGSQL.\(port)",
                username: url.user,
                password: url.password,
                database: url.database
            )
        }
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    private static func tls(_ url: DatabaseURL) throws(StorageError) -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch url.sslMode {
        case .disable:
            return .disable
        case .prefer, .require:
            // libpq's meaning: encrypted, the certificate not checked (verify-full checks it).
            tls.certificateVerification = .none
        case .verifyFull:
            tls.certificateVerification = .fullVerification
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw StorageError(path: url.redacted, reason: .cannotOpen("cannot set up TLS: \(error)"))
        }
        return url.sslMode == .prefer ? .prefer(context) : .require(context)
    }
}
