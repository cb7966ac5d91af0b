import Foundation
import Storage

/// A fresh, empty PostgreSQL database on the `--database` server, which the fleet migrates with `patchbay migrate`
/// as an operator would; dropped at the end.
struct FleetDatabase {
    let url: DatabaseURL
    let server: DatabaseURL

    static func create(on server: DatabaseURL?) throws -> FleetDatabase? {
        guard let server else { return nil }
        let name = "fleet_bench_\(UUID().uuidString.prefix(8).lowercased())"
        return FleetDatabase(url: try PostgresAdmin.createDatabase(admin: server, name: name), server: server)
    }

    func drop() {
        try? PostgresAdmin.dropDatabase(admin: server, name: url.database)
    }
}
