import Foundation
package import HTTPClient
import Logging
import Synchronization

/// An open-loop load generator: request `i` is due at `start + i / rate`, whatever happened to earlier ones, and
/// its latency is counted from when it was due (so a stalled server cannot hide its stall: no coordinated
/// omission). A few threads each hold a keep-alive connection through the project's libcurl client; with several
/// URLs (instances behind a load balancer), request `i` goes to URL `i mod count`.
package struct LoadClient: Sendable {
    let urls: [String]
    let headers: [HTTPHeader]
    let rate: Double
    let duration: Duration
    let connections: Int

    package init(urls: [String], headers: [HTTPHeader], rate: Double, duration: Duration, connections: Int) {
        self.urls = urls
        self.headers = headers
        self.rate = rate
        self.duration = duration
        self.connections = connections
    }

    package struct Result: Sendable {
        package var latencies: [Duration] = []
        package var errors = 0
        package var elapsed: Duration = .zero

        /// The latency below which a fraction `p` of the successful requests fall, in milliseconds.
        package func percentile(_ p: Double) -> Double? {
            let sorted = latencies.sorted()
            guard !sorted.isEmpty else { return nil }
            let index = min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)
            return LoadClient.seconds(sorted[max(0, index)]) * 1000
        }

        package var achievedRate: Double { Double(latencies.count) / LoadClient.seconds(elapsed) }
    }

    /// Blocks its thread for the whole run: call it from a thread of its own.
    package func run() -> Result {
        var logger = Logger(label: "load")
        logger.logLevel = .critical
        let authorities = urls.map { String($0.split(separator: "/")[1]) }
        let client = HTTPClient(
            configuration: HTTPClientConfiguration(allowedHosts: authorities, maxRetries: 0),
            logger: logger
        )
        let total = Int(rate * Self.seconds(duration))
        let interval = Duration.seconds(1.0 / rate)
        let next = Mutex(0)
        let results = Mutex(Result())
        let clock = ContinuousClock()
        let start = clock.now + .milliseconds(50)
        let done = DispatchGroup()
        let requests = urls.map { HTTPRequest(url: $0, headers: headers) }
        for _ in 0..<connections {
            done.enter()
            Thread {
                var latencies: [Duration] = []
                var errors = 0
                while true {
                    let index = next.withLock { value -> Int in
                        defer { value += 1 }
                        return value
                    }
                    guard index < total else { break }
                    let due = start + interval * index
                    // Pacing the offered load is this client's job; the server is never waited on this way.
                    if due > clock.now { Thread.sleep(forTimeInterval: Self.seconds(due - clock.now)) }
                    let response = try? client.perform(requests[index % requests.count], context: HTTPCallContext())
                    if response?.status == 200 { latencies.append(clock.now - due) } else { errors += 1 }
                }
                results.withLock {
                    $0.latencies += latencies
                    $0.errors += errors
                }
                done.leave()
            }.start()
        }
        done.wait()
        var result = results.withLock { $0 }
        result.elapsed = clock.now - start
        return result
    }

    package static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
