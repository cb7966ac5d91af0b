import Foundation
import GRDB
import PatchbayTestSupport
import Synchronization
import Testing

@testable import Storage

/// The shared rate limiter's buckets as two processes spend from them at once: every reservation gets a slot of
/// its own, one interval after the previous one, and reservations over overlapping buckets never deadlock.
@Suite struct RateBucketStoreTests {
    /// Divisible by 64, as is the interval: every reservation also runs the sweep of expired buckets.
    static let now: Int64 = 1_800_000_000_000_000_000
    static let interval: Int64 = 5_000_000

    @Test(arguments: TestBackend.all) func concurrentReservationsOnOneBucketGetDistinctStrictlySpacedSlots(
        _ backend: TestBackend
    ) throws {
        try withTwoProcesses(backend) { processes, rows in
            // A bucket a minute past its arrival time: the sweep drops it.
            _ = try processes[0].reserveRateSlots([("meraki/scope/old", 1)], now: 0)
            let slots = try reserveConcurrently(processes, workers: 8, each: 25) { _ in
                [("meraki/provider/100per1000ms", Self.interval)]
            }
            #expect(slots.sorted() == (0..<200).map { Self.now + Int64($0) * Self.interval })
            #expect(try rows("meraki/scope/old") == 0)
            #expect(try rows("meraki/provider/100per1000ms") == 1)
        }
    }

    @Test(arguments: TestBackend.all) func reservationsOverOverlappingBucketsNeitherDeadlockNorShareASlot(
        _ backend: TestBackend
    ) throws {
        try withTwoProcesses(backend) { processes, _ in
            // Half the workers name the two buckets in one order, half in the other: taken in the order given,
            // their row locks would deadlock.
            let slots = try reserveConcurrently(processes, workers: 8, each: 25) { worker in
                let provider = ("meraki/provider/100per1000ms", Self.interval)
                let organization = ("meraki/scope/549236", Self.interval / 5)
                return worker % 4 < 2 ? [provider, organization] : [organization, provider]
            }
            #expect(slots.sorted() == (0..<200).map { Self.now + Int64($0) * Self.interval })
        }
    }
}

/// Runs `workers` threads, alternating between the two processes' stores, each reserving `each` times; the slots
/// they got. Any error (a deadlock, a busy store) fails the test.
private func reserveConcurrently(
    _ processes: [any PatchbayStore],
    workers: Int,
    each: Int,
    buckets: @escaping @Sendable (Int) -> [(key: String, interval: Int64)]
) throws -> [Int64] {
    let slots = Mutex<[Int64]>([])
    let failures = Mutex<[String]>([])
    let group = DispatchGroup()
    for worker in 0..<workers {
        let store = processes[worker % processes.count]
        group.enter()
        Thread {
            defer { group.leave() }
            for _ in 0..<each {
                do {
                    let slot = try store.reserveRateSlots(buckets(worker), now: RateBucketStoreTests.now)
                    slots.withLock { $0.append(slot) }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }.start()
    }
    group.wait()
    #expect(failures.withLock { $0 } == [])
    return slots.withLock { $0 }
}

/// Two stores on one fresh database, as two processes would open it, and a count of one bucket's rows.
private func withTwoProcesses(
    _ backend: TestBackend,
    _ body: ([any PatchbayStore], (String) throws -> Int) throws -> Void
) throws {
    try withTemporaryDirectorySync(prefix: "patchbay-buckets") { directory in
        try withTestDatabase(backend) { postgres in
            if let postgres {
                let processes: [any PatchbayStore] = [
                    try PostgresStore(url: postgres.url), try PostgresStore(url: postgres.url),
                ]
                try body(processes) { key in
                    let escaped = key.replacingOccurrences(of: "'", with: "''")
                    let counts = try postgres.column("SELECT count(*)::text FROM rate_buckets WHERE key = '\(escaped)'")
                    return Int(counts.first.flatMap { $0 } ?? "") ?? -1
                }
            } else {
                let path = directory.file("patchbay.sqlite")
                let first = try SQLiteStore(path: path)
                let processes: [any PatchbayStore] = [first, try SQLiteStore(path: path)]
                try body(processes) { key in
                    try first.writer.read { db in
                        try Int.fetchOne(db, sql: "SELECT count(*) FROM rate_buckets WHERE key = ?", arguments: [key])
                    } ?? -1
                }
            }
        }
    }
}
