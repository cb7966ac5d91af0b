import Foundation

/// The figures of one scenario, printed as one table row.
struct BenchmarkResult {
    let scenario: BenchmarkScenario
    let requests: Int
    let tooManyRequests: Int
    let seconds: Double
    let baselineRSS: Int
    let peakRSS: Int
    let items: Int

    static let header =
        "scenario                      requests  429s  wall s  ideal s@10/s  peak RSS MiB (before call)  result"

    var line: String {
        let ideal = Double(requests) / 10
        let result =
            scenario.call == .list ? "\(items) networks" : "\(items / 1_000_000) networks, \(items % 1_000_000) APs"
        return [
            scenario.name.padding(toLength: 29, withPad: " ", startingAt: 0),
            String(requests).leftPadded(8),
            String(tooManyRequests).leftPadded(5),
            String(format: "%.3f", seconds).leftPadded(7),
            String(format: "%.1f", ideal).leftPadded(13),
            String(format: "%.1f (%.1f)", Double(peakRSS) / 1024, Double(baselineRSS) / 1024).leftPadded(27),
            "  " + result,
        ].joined(separator: " ")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
