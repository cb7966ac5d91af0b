import Storage

/// A sync that `ProvisioningService.startSync` admitted and recorded, waiting for `complete`: its run id is known.
package struct PendingSync: Sendable, CustomStringConvertible {
    let run: SyncRunRecord
    let record: IntegrationRecord
    let provider: any NetworkProvider
    let credentials: [String: String]

    package var runID: Int64 { run.id ?? 0 }
    package var integrationID: Int64 { record.id ?? 0 }

    /// Never the credentials it carries.
    package var description: String { "sync run \(runID) of integration \(integrationID)" }
}
