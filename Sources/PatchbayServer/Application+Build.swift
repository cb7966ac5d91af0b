package import Hummingbird
package import Logging
import NIOCore
package import PatchbayCore
import UnixSignals

/// Where the server listens. Loopback by default: exposing the API is an explicit choice.
package struct ServerConfiguration: Sendable {
    package var host: String
    package var port: Int
    /// Sync workers (and a scheduler) in this process; 0 leaves queued syncs to `patchbay worker`.
    package var syncWorkers: Int

    package init(host: String = "127.0.0.1", port: Int = 8080, syncWorkers: Int = 4) {
        self.host = host
        self.port = port
        self.syncWorkers = syncWorkers
    }
}

/// The API application: the router over the core services, plus the sync workers as a service of their own so that
/// graceful shutdown stops taking requests first and then waits for the running syncs.
package func buildApplication(
    configuration: ServerConfiguration,
    context: CoreContext,
    onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let logger = context.logger
    let services = APIServices(context: context)
    return Application(
        router: buildRouter(services: services, logger: logger),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "patchbay"),
        services: [SyncWorkerService(context: context, count: configuration.syncWorkers)],
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            logger.notice("listening", metadata: ["address": "http://\(configuration.host):\(port)/v1"])
            await onListening(port)
        },
        logger: logger
    )
}

/// Every route of the API under `/v1`, and the console's pages at `/`. Exposed so the OpenAPI test can compare the registered routes with the
/// document.
package func buildRouter(services: APIServices, logger: Logger) -> Router<APIRequestContext> {
    let router = Router(context: APIRequestContext.self)
    // Requests by route and status, with latency histograms, for `/metrics` (the registry is installed first).
    _ = MetricsRegistry.shared
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: RequestLogMiddleware(logger: logger))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())
    let routes = MethodNotAllowedMiddleware.Routes()
    router.add(middleware: MethodNotAllowedMiddleware(routes: routes))
    OpenAPIController().addRoutes(to: router.group("v1"))
    HealthController(health: services.health).addRoutes(to: router)
    SessionsController(services: services).addPublicRoutes(to: router.group("v1"))
    ConsoleController(services: services).addRoutes(to: router)
    let authenticated = router.group("v1").add(middleware: AuthMiddleware(identity: services.identity))
    SessionsController(services: services).addRoutes(to: authenticated)
    MembersController(services: services).addRoutes(to: authenticated)
    IntegrationChecksController(services: services).addRoutes(to: authenticated)
    MeController(services: services).addRoutes(to: authenticated)
    WorkspacesController(services: services).addRoutes(to: authenticated)
    ProvidersController(services: services).addRoutes(to: authenticated)
    IntegrationsController(services: services).addRoutes(to: authenticated)
    SyncsController(services: services).addRoutes(to: authenticated)
    NetworksController(services: services).addRoutes(to: authenticated)
    TokensController(services: services).addRoutes(to: authenticated)
    routes.set(router.routes.map { (path: "\($0.path)", method: $0.method.rawValue) })
    return router
}

/// Builds the application and runs it until SIGTERM or SIGINT, then shuts down gracefully: the listener closes,
/// requests in flight are answered, and running syncs finish (a second signal cancels them: they roll back).
package func serve(
    configuration: ServerConfiguration,
    context: CoreContext
) async throws {
    let app = buildApplication(configuration: configuration, context: context)
    try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
}
