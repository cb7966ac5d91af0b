import Dispatch
import PluginHost
import Synchronization

extension CallChecks {
    /// RSS stays flat while every call runs many times with its buffers released: a leak per call shows as growth.
    func repeatedCalls() -> CheckResult {
        let name = "buffers.repeated_calls"
        let rounds = max(options.repetitions, 1)
        let warmUp = max(rounds / 10, 5)
        for index in 0..<warmUp { oneRound(withCredentials: index == 0) }
        // The memory of the process the plugin runs in: this one, or its runner.
        let pid = instance.runnerPID
        guard let before = ResidentMemory.bytes(pid: pid) else {
            return .skip(name, "no /proc/self/statm to read the resident set size on this system")
        }
        var calls = 0
        for index in 0..<rounds {
            // Calls with working credentials go to a server and spend its rate budget (the host paces them, Mist
            // to 5,000 an hour): a few are enough to see a per-call leak on the success path.
            calls += oneRound(withCredentials: index < 5)
        }
        let grown = max((ResidentMemory.bytes(pid: pid) ?? before) - before, 0)
        let limit = 16 << 20
        let summary = "resident memory grew \(grown >> 10) KiB over \(calls) calls"
        guard grown <= limit else {
            return .fail(
                name,
                "\(summary) (limit \(limit >> 20) MiB): a call leaks; free what each call allocates, and release "
                    + "host responses with free_response and host messages with free_buffer"
            )
        }
        return .pass(name, summary)
    }

    @discardableResult
    private func oneRound(withCredentials: Bool) -> Int {
        var calls = 0
        for input in Self.malformed {
            _ = instance.validate(.bytes(input.bytes))
            _ = instance.listNetworks(.bytes(input.bytes)) { _ in .ok }
            calls += 2
            if probe.supportsCounts {
                _ = instance.counts(.bytes(input.bytes))
                calls += 1
            }
        }
        if withCredentials, let credentials {
            _ = instance.validate(credentials)
            calls += 1
        }
        return calls
    }

    /// When the plugin declares PATCHBAY_PROVIDER_CONCURRENT, calls overlap on one instance and answer as alone.
    func concurrentCalls() -> CheckResult {
        let name = "threads.concurrent_calls"
        guard probe.descriptor.isConcurrent else {
            return .skip(name, "PATCHBAY_PROVIDER_CONCURRENT not declared; the host serializes calls per instance")
        }
        let expected = credentials.map { instance.validate($0) }
        let problems = Mutex<[String]>([])
        let threads = 8
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for round in 0..<25 {
                let input = Self.malformed[(thread + round) % Self.malformed.count]
                let reply = instance.validate(.bytes(input.bytes))
                if reply.status != .invalidArgument {
                    problems.withLock { $0.append("\(input.label) gave \(reply.status) on thread \(thread)") }
                }
            }
            if let credentials, let expected, thread < 2 {
                let reply = instance.validate(credentials)
                if reply.status != expected.status || reply.result != expected.result {
                    problems.withLock { $0.append("working credentials gave \(reply.status) on thread \(thread)") }
                }
            }
        }
        let found = problems.withLock { $0 }
        guard found.isEmpty else {
            return .fail(
                name,
                "overlapping calls answered differently: \(found.prefix(3).joined(separator: "; ")); "
                    + "make the calls thread-safe or drop PATCHBAY_PROVIDER_CONCURRENT"
            )
        }
        return .pass(name, "\(threads) threads overlapped validate on one instance and agreed")
    }
}
