import Dispatch

/// Wall time of one call, in nanoseconds, after a warm-up: the median and the 90th percentile.
struct Measurement {
    let median: Double
    let p90: Double

    static func of<Result>(iterations: Int, _ body: () -> Result) -> Measurement {
        for _ in 0..<min(1000, iterations) { blackHole(body()) }
        var samples: [UInt64] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            blackHole(body())
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        return summary(samples)
    }

    static func ofAsync<Result>(iterations: Int, _ body: () async -> Result) async -> Measurement {
        for _ in 0..<min(500, iterations) { blackHole(await body()) }
        var samples: [UInt64] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            blackHole(await body())
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        return summary(samples)
    }

    private static func summary(_ samples: [UInt64]) -> Measurement {
        let sorted = samples.sorted()
        return Measurement(median: Double(sorted[sorted.count / 2]), p90: Double(sorted[sorted.count * 9 / 10]))
    }
}

/// Keeps the optimizer from deleting the measured work.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
