import Metrics

/// What one process's sync jobs did, for `/metrics` (no-ops until `serve` installs a backend). Queue depth and
/// the jobs waiting or running are the store's, read at scrape time; these are this process's finished jobs.
enum SyncMetrics {
    static func finished(_ result: Result<SyncRunSummary, ServiceError>, after duration: Duration) {
        let status =
            switch result {
            case .success: "succeeded"
            case .failure(let error) where error.code == .cancelled: "cancelled"
            // The lease was lost (the job was abandoned, or its integration deleted) before the apply.
            case .failure(let error) where error.code == .unavailable || error.code == .notFound: "lost"
            case .failure: "failed"
            }
        Counter(label: "patchbay_sync_jobs_finished_total", dimensions: [("status", status)]).increment()
        Timer(label: "patchbay_sync_duration_seconds", dimensions: [("status", status)]).record(duration: duration)
    }
}
