package import Logging
import PluginHost

/// Checks one plugin library against the v1 contract of patchbay_provider.h, in the spirit of clap-validator:
/// the descriptor's fields, each call's status codes on malformed input, buffer ownership, the concurrency the
/// plugin declares, and the shape of what it returns.
///
/// Runs in-process: a plugin that crashes takes the checker with it, so the CLI runs it in a child process
/// (`IsolatedCheckRun`) and reports the crash against the check that was running.
package struct ConformanceChecker: Sendable {
    package let options: CheckOptions
    let logger: Logger
    let report: @Sendable (CheckEvent) -> Void

    package init(options: CheckOptions, logger: Logger, report: @escaping @Sendable (CheckEvent) -> Void) {
        self.options = options
        self.logger = logger
        self.report = report
    }

    /// Runs every check, reporting each as it starts and ends; returns the results in order.
    package func run() -> [CheckResult] {
        var results: [CheckResult] = []
        let record = { (result: CheckResult) in
            results.append(result)
            report(.finished(result))
        }
        let (descriptorResults, probe) = descriptorChecks()
        for result in descriptorResults { record(result) }
        guard let probe else { return results }
        guard let instance = createInstance(probe, record) else { return results }
        let calls = CallChecks(probe: probe, instance: instance, options: options)
        for check in calls.all {
            report(.started(check.name))
            let result = check.run()
            // A runner that crashed fails the check it crashed in and ends the run, as a crash of this process
            // would in-process: the results are the same in both isolation modes.
            if let ending = instance.runnerEnded {
                record(.fail(check.name, ending))
                record(.skip("calls", "not run after the crash"))
                return results
            }
            record(result)
        }
        return results
    }

    /// Runs `body` as the check `name`: announced first, so a crash inside is pinned on it.
    func checking(_ name: String, _ body: () -> CheckResult) -> CheckResult {
        report(.started(name))
        return body()
    }

    private func createInstance(_ probe: PluginProbe, _ record: (CheckResult) -> Void) -> ProbeInstance? {
        var instance: ProbeInstance?
        let result = checking("create.settings") {
            switch probe.makeInstance(
                settings: options.settings,
                isolation: options.isolation,
                onCall: { report(.calling($0)) }
            ) {
            case .success(let made):
                instance = made
                let shown = options.settings.keys.sorted().joined(separator: ", ")
                return .pass("create.settings", "create returned OK with settings {\(shown)}")
            case .failure(let error):
                return .fail(
                    "create.settings",
                    "create returned \(error.status): \(error.message); pass working --settings or fix create"
                )
            }
        }
        record(result)
        if instance == nil { record(.skip("calls", "not run: create failed")) }
        return instance
    }

    /// `host[:port]` of every URL setting, so a plugin pointed at a local fake may reach it.
    var extraHosts: [String] {
        options.settings.values.compactMap { value in
            guard value.hasPrefix("http://") || value.hasPrefix("https://") else { return nil }
            let rest = value.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: true)
            return rest.count >= 2 ? String(rest[1]) : nil
        }
    }
}
