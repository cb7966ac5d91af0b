package import JSONText
package import PatchbayCore

extension JSONWriter {
    /// One integration, never its credentials. The one encoder of an integration: the API and the CLI's `--json` both
    /// write it, so they cannot drift. Members in key order; the sync fields are `null` when absent (they are part
    /// of the contract), the counts fields are left out when there are none.
    package mutating func integration(_ integration: IntegrationSummary) {
        beginObject()
        if let counts = integration.counts {
            key("counts")
            beginObject()
            key("access_points")
            integer(counts.accessPoints)
            key("networks")
            integer(counts.networks)
            endObject()
        }
        if let age = integration.countsAgeSeconds {
            key("counts_age_seconds")
            integer(age)
        }
        if let error = integration.countsError {
            key("counts_error")
            string(error)
        }
        key("created_at")
        date(integration.createdAt)
        key("id")
        integer(integration.id)
        key("last_sync")
        if let last = integration.lastSync { lastSync(last) } else { null() }
        if let at = integration.lastSyncAt {
            key("last_sync_at")
            date(at)
        }
        if let error = integration.lastSyncError {
            key("last_sync_error")
            string(error)
        }
        if let status = integration.lastSyncStatus {
            key("last_sync_status")
            string(status)
        }
        key("name")
        string(integration.name)
        key("next_sync_at")
        date(integration.nextSyncAt)
        key("provider")
        string(integration.provider)
        key("settings")
        object(integration.settings)
        key("sync_interval_seconds")
        integer(integration.syncIntervalSeconds)
        key("workspace_id")
        integer(integration.workspaceID)
        endObject()
    }

    private mutating func lastSync(_ last: IntegrationSummary.LastSync) {
        beginObject()
        key("error")
        string(last.error)
        key("finished_at")
        date(last.finishedAt)
        key("run_id")
        integer(last.runID)
        key("status")
        string(last.status)
        endObject()
    }
}
