import Foundation
import GRDB
import PatchbayCore
import PatchbayTestSupport
import Storage
import Testing

/// `/healthz`, `/readyz` and `/metrics`: answered without a token, true to the process and its store.
@Suite struct HealthTests {
    @Test func healthAndReadinessAnswerWithoutSigningIn() async throws {
        try await withAPIServer { api in
            let alive = try await api.call("GET", "/healthz", token: nil)
            #expect(alive.status == 200)
            #expect(alive.object["status"] as? String == "ok")
            let ready = try await api.call("GET", "/readyz", token: nil)
            #expect(ready.status == 200, "\(ready.text)")
            #expect(ready.object["status"] as? String == "ready")
            #expect(ready.object["providers"] as? [String] == ["meraki"])
        }
    }

    @Test func readinessFailsWhileTheSchemaIsNotTheOneThisBuildKnows() async throws {
        try await withAPIServer { api in
            let store = try #require(api.context.database as? SQLiteStore)
            try await store.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-a-newer-patchbay')")
            }
            let ready = try await api.call("GET", "/readyz", token: nil)
            #expect(ready.status == 503)
            #expect(ready.object["status"] as? String == "not_ready")
            let problems = try #require(ready.object["problems"] as? [String])
            #expect(problems.count == 1 && problems[0].contains("newer"), "\(problems)")
            #expect(!ready.text.contains(store.path), "the database path is a detail of the server's disk")
            // Liveness is the process's alone: it still answers.
            #expect(try await api.call("GET", "/healthz", token: nil).status == 200)
        }
    }

    @Test func metricsCountRequestsSyncsAndProviderCallsInPrometheusText() async throws {
        try await withAPIServer { api in
            let before = try await scrape(api)
            let integration = try await api.createIntegration()
            // One 429 from the provider, which the host's client waits out and retries.
            api.fake.inject(.tooManyRequests(retryAfterSeconds: 0), at: "/organizations")
            let run = try await api.syncToEnd(integration)
            #expect(run["status"] as? String == "succeeded")
            let denied = try await api.call("GET", "/v1/workspaces/\(api.acme)/networks", token: nil)
            #expect(denied.status == 401)

            let response = try await api.call("GET", "/metrics", token: nil)
            #expect(response.status == 200)
            #expect(response.header("content-type")?.hasPrefix("text/plain; version=0.0.4") == true)
            let after = MetricsText(response.text)
            func grew(_ series: String, by least: Double = 1) -> Bool {
                (after[series] ?? 0) - (before[series] ?? 0) >= least
            }
            // Requests by route (the pattern, not the path) and status, with a latency histogram.
            #expect(
                grew(
                    #"hb_requests{http_route="/v1/integrations/{id}/syncs",http_request_method="POST",http_response_status_code="202"}"#
                )
            )
            #expect(
                grew(
                    #"hb_requests{http_route="/v1/workspaces/{workspace}/networks",http_request_method="GET",http_response_status_code="401"}"#
                )
            )
            #expect(after.names.contains("http_server_request_duration_bucket"))
            // This process's finished syncs and their duration; the queue as the store sees it.
            #expect(grew(#"patchbay_sync_jobs_finished_total{status="succeeded"}"#))
            #expect(grew(#"patchbay_sync_duration_seconds_count{status="succeeded"}"#))
            #expect(after["patchbay_sync_queue_depth"] == 0)
            #expect(after[#"patchbay_sync_jobs{status="running"}"#] == 0)
            #expect(after["patchbay_database_up"] == 1)
            // The provider's requests by provider and status: the sync paged the fake Meraki over loopback.
            #expect(grew(#"patchbay_provider_requests_total{provider="meraki",status="200"}"#, by: 2))
            #expect(grew(#"patchbay_provider_requests_total{provider="meraki",status="429"}"#))
            #expect(grew(#"patchbay_provider_rate_limited_total{provider="meraki"}"#))
            #expect(!response.text.contains(FakeMerakiDataset.goodKey))
        }
    }

    private func scrape(_ api: APIHarness) async throws -> MetricsText {
        MetricsText(try await api.call("GET", "/metrics", token: nil).text)
    }
}

/// Prometheus text as `series → value` (a series is the name with its labels, as printed).
struct MetricsText {
    private var values: [String: Double] = [:]
    private(set) var names: Set<String> = []

    init(_ text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            let series = String(line[..<space])
            values[series] = value
            names.insert(String(series.prefix { $0 != "{" }))
        }
    }

    subscript(series: String) -> Double? { values[series] }
}
