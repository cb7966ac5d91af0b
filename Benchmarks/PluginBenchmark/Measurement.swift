import Dispatch

/// Median wall time of one call, in nanoseconds, after a warm-up.
enum Measurement {
    static func median<Result>(iterations: Int, _ body: () -> Result) -> Double {
        for _ in 0..<min(1000, iterations) { blackHole(body()) }
        var samples: [UInt64] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            blackHole(body())
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        return middle(samples)
    }

    static func medianAsync<Result>(iterations: Int, _ body: () async -> Result) async -> Double {
        for _ in 0..<min(500, iterations) { blackHole(await body()) }
        var samples: [UInt64] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            blackHole(await body())
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        return middle(samples)
    }

    private static func middle(_ samples: [UInt64]) -> Double {
        let sorted = samples.sorted()
        return Double(sorted[sorted.count / 2])
    }
}

/// Keeps the optimizer from deleting the measured work.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
