extension CoreContext {
    /// Runs a service call that writes to the database on a thread of its own. SQLite has one writer and a sync
    /// holds it for the whole apply, so a write may wait that long: it must not hold one of Swift's few cooperative
    /// threads (on a two-core host, two such waits would stall every request). Reads never wait and stay on the
    /// calling task. Services call this themselves, so no caller needs to know which calls wait.
    func write<T: Sendable>(_ work: @escaping @Sendable () throws(ServiceError) -> T) async throws(ServiceError) -> T {
        do {
            return try await onOwnThread { try work() }
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(.internal, "write: \(error)")
        }
    }
}
