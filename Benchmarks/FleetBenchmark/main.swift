import Foundation
import PatchbayTestSupport

// A fleet on one database (issue 12): `instances` `patchbay serve` processes share `integrations` integrations that
// sync every `interval` seconds against a loopback FakeMeraki. Prints jobs per minute, scheduling lag (start minus
// due time) p50/p99 and double runs (two runs of one integration overlapping) over `seconds`; then the networks
// listing at `rate` req/s spread over two instances, p50/p99, while the fleet keeps syncing.
//
//   swift build -c release && scripts/build-runner.sh .build/release
//   .build/release/FleetBenchmark [--database postgres://…] [instances=3] [integrations=200] [interval=10]
//       [seconds=60] [rate=500] [api-seconds=10]
//
// With `--database` (a server the benchmark may create a database on), the fleet runs on a fresh PostgreSQL database
// it drops afterwards; without it, on SQLite in one shared data directory.

let options = FleetOptions.parse(CommandLine.arguments.dropFirst())
print("machine: \(machineDescription())")
print(
    "fleet: \(options.instances) instances × \(options.workers) sync workers, \(options.integrations) integrations "
        + "every \(options.interval) s, on \(options.server == nil ? "SQLite" : "PostgreSQL")"
)
do {
    try await runFleetBenchmark(options)
} catch {
    print("error: \(error)")
    exit(1)
}
