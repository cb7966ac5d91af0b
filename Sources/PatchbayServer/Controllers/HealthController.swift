import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PatchbayCore
import Prometheus

/// `GET /healthz` (the process answers), `GET /readyz` (it can serve: database reachable at the schema this build
/// knows, a provider loaded) and `GET /metrics` (Prometheus text). No sign-in: a load balancer and a scraper call
/// them, and none says anything about anyone's data.
struct HealthController {
    let health: HealthService

    func addRoutes(to router: Router<APIRequestContext>) {
        router.get("healthz", use: alive)
        router.get("readyz", use: ready)
        router.get("metrics", use: metrics)
    }

    @Sendable func alive(_ request: Request, context: APIRequestContext) async throws -> [String: String] {
        ["status": "ok"]
    }

    @Sendable func ready(
        _ request: Request,
        context: APIRequestContext
    ) async throws -> EditedResponse<Reply<ReadinessBody>> {
        let readiness = await health.readiness()
        return EditedResponse(
            status: readiness.isReady ? .ok : .serviceUnavailable,
            response: Reply(ReadinessBody(readiness))
        )
    }

    @Sendable func metrics(_ request: Request, context: APIRequestContext) async throws -> Response {
        let registry = MetricsRegistry.shared
        do {
            let queue = try await health.queue()
            registry.makeGauge(name: "patchbay_database_up").set(to: 1)
            registry.makeGauge(name: "patchbay_sync_queue_depth").set(to: Double(queue.queued))
            registry.makeGauge(name: "patchbay_sync_jobs", labels: [("status", "queued")]).set(to: Double(queue.queued))
            registry.makeGauge(name: "patchbay_sync_jobs", labels: [("status", "running")]).set(
                to: Double(queue.running)
            )
            registry.makeGauge(name: "patchbay_sync_oldest_queued_age_seconds").set(to: queue.oldestQueuedAge)
        } catch {
            // The scrape still answers with this process's own figures; the queue's are the store's to give.
            registry.makeGauge(name: "patchbay_database_up").set(to: 0)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
        )
    }

    struct ReadinessBody: Encodable {
        let status: String
        let problems: [String]
        let providers: [String]
        let failedProviders: [String]

        init(_ readiness: Readiness) {
            status = readiness.isReady ? "ready" : "not_ready"
            problems = readiness.problems
            providers = readiness.loadedProviders
            failedProviders = readiness.failedProviders
        }

        enum CodingKeys: String, CodingKey {
            case status, problems, providers
            case failedProviders = "failed_providers"
        }
    }
}
