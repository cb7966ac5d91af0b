import PatchbayCore

/// `networks sync --json`: the run, plus `run_id` for scripts that chain `syncs show`.
struct SyncResult: Encodable {
    let run: SyncRunSummary

    func encode(to encoder: any Encoder) throws {
        try run.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(run.id, forKey: .runID)
    }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id"
    }
}
