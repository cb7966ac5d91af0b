import Foundation
import HTTPClient
import Logging
import Synchronization

/// An open-loop load generator: request `i` is due at `start + i / rate`, whatever happened to earlier ones, and
/// its latency is counted from when it was due (so a stalled server cannot hide its stall: no coordinated
/// omission). A few threads each hold a keep-alive connection through the project's libcurl client.
struct LoadClient {
    let url: String
    let headers: [HTTPHeader]
    let rate: Double
    let duration: Duration
    let connections: Int

    struct Result {
        var latencies: [Duration] = []
        var errors = 0
        var elapsed: Duration = .zero
    }

    func run() -> Result {
        var logger = Logger(label: "load")
        logger.logLevel = .critical
        let authority = url.split(separator: "/")[1]
        let client = HTTPClient(
            configuration: HTTPClientConfiguration(allowedHosts: [String(authority)], maxRetries: 0),
            logger: logger
        )
        let total = Int(rate * Double(duration.components.seconds))
        let interval = Duration.seconds(1.0 / rate)
        let next = Mutex(0)
        let results = Mutex(Result())
        let clock = ContinuousClock()
        let start = clock.now + .milliseconds(50)
        let done = DispatchGroup()
        let request = HTTPRequest(url: url, headers: headers)
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
                    let response = try? client.perform(request, context: HTTPCallContext())
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

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
