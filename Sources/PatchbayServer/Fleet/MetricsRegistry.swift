import Metrics
import Prometheus

/// The process's one Prometheus registry. The first use installs it as swift-metrics' backend, so what Core, the
/// HTTP client and Hummingbird's metrics middleware record lands here; before that (every command but `serve`)
/// their figures go nowhere and cost nothing.
enum MetricsRegistry {
    static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // swift-metrics labels use dots (`http.server.request.duration`); Prometheus names allow none.
        factory.nameAndLabelSanitizer = { name, labels in
            (prometheusName(name), labels.map { (prometheusName($0.0), $0.1) })
        }
        let milliseconds: [Duration] = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000].map { .milliseconds($0) }
        factory.defaultDurationHistogramBuckets = milliseconds
        factory.durationHistogramBuckets["patchbay_sync_duration_seconds"] =
            [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600].map { .milliseconds(Int64($0 * 1000)) }
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    private static func prometheusName(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }
}
