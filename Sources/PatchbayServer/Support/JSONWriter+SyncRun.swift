package import JSONText
package import PatchbayCore

extension JSONWriter {
    /// One sync run. The one encoder of a run: the API and the CLI's `--json` both write it, so they cannot drift.
    /// Every field of the contract is present, `null` when unknown (a queued run has no `started_at` yet).
    /// `runID` adds `run_id` (the `id` again), for `networks sync --json` scripts that chain `syncs show`.
    package mutating func syncRun(_ run: SyncRunSummary, runID: Bool = false) {
        beginObject()
        key("cancel_requested")
        bool(run.cancelRequested)
        key("created")
        integer(run.created)
        key("duration_ms")
        integer(run.durationMS)
        key("error")
        string(run.error)
        key("finished_at")
        date(run.finishedAt)
        key("id")
        integer(run.id)
        key("integration_id")
        integer(run.integrationID)
        key("owner")
        string(run.owner)
        key("queued_at")
        date(run.queuedAt)
        key("removed")
        integer(run.removed)
        if runID {
            key("run_id")
            integer(run.id)
        }
        key("started_at")
        date(run.startedAt)
        key("status")
        string(run.status)
        key("trigger")
        string(run.trigger)
        key("unchanged")
        integer(run.unchanged)
        key("updated")
        integer(run.updated)
        endObject()
    }
}
