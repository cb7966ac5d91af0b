import ArgumentParser
import Foundation
import PluginCheck
import PluginHost

/// `patchbay plugins check PATH.so`: checks a plugin library against the provider ABI v1 contract.
struct PluginsCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a plugin library against the provider ABI v1 contract (a conformance checker).",
        discussion: """
            Prints one line per check (PASS, FAIL or SKIP and why). The checks run in a child process, so a plugin \
            that crashes fails the check it crashed in. Checks that need a successful call are skipped unless \
            --credentials-file gives working credentials; point --settings at a fake to keep them local. \
            Exits 0 when no check failed, 1 when one did, 64 on a usage error, 65/66 on bad input files.
            """
    )

    @Argument(help: "The plugin library (.so) to check.")
    var path: String

    @Option(help: ArgumentHelp("Settings for create, as a JSON object of strings.", valueName: "json"))
    var settings: String?

    @Option(
        help: ArgumentHelp("A file holding working credentials as a JSON object (- for stdin).", valueName: "file")
    )
    var credentialsFile: String?

    @Flag(help: "Print the report as a JSON object.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "The longest one plugin call may take before its check fails as a hang (default 30).",
            valueName: "seconds"
        )
    )
    var timeout: Double = 30

    @Option(
        help: ArgumentHelp(
            "Where the calls run: in-process (the checker's child process) or process (a plugin runner, as under "
                + "isolation: process). The checks and their results are the same in both.",
            valueName: "mode"
        )
    )
    var isolation = "in-process"

    @Option(help: .hidden)
    var repetitions = 300

    /// The child's mode: run the checks here and stream each event as a JSON line.
    @Flag(help: .hidden)
    var inProcess = false

    /// The child of a `plugins check`: credentials come as one line on stdin, whose end of file then means the
    /// parent is gone.
    @Flag(help: .hidden)
    var watchParent = false

    func validate() throws {
        guard timeout > 0, timeout <= 86400 else {
            throw ValidationError("--timeout: must be more than 0 and at most 86400 seconds")
        }
        guard ManifestEntry.Isolation(rawValue: isolation) != nil else {
            throw ValidationError("--isolation: '\(isolation)' is not a mode; use in-process or process")
        }
    }

    func run() async throws {
        let library = URL(fileURLWithPath: path).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: library) else {
            StandardError.print("error: \(path): no such file; build the plugin first or fix the path")
            throw ExitCode(66)
        }
        let settingsValues = try CheckInput.settings(settings)
        let credentials = try credentialsFile.map { try CheckInput.credentials(file: $0, oneLine: watchParent) }
        if watchParent { CheckInput.watchParent() }
        if inProcess {
            CheckInput.stream(
                path: library,
                settings: settingsValues,
                credentials: credentials,
                repetitions: repetitions,
                isolation: ManifestEntry.Isolation(rawValue: isolation) ?? .inProcess
            )
            return
        }
        var arguments = [
            "plugins", "check", library, "--in-process", "--watch-parent", "--repetitions", String(repetitions),
            "--isolation", isolation,
        ]
        if let settings { arguments += ["--settings", settings] }
        if credentials != nil { arguments += ["--credentials-file", "-"] }
        let input = try credentials.map { try JSONSerialization.data(withJSONObject: $0) }
        let report = try IsolatedCheckRun(
            executable: CheckInput.selfExecutable,
            arguments: arguments,
            plugin: path,
            input: input,
            callTimeout: .milliseconds(Int(timeout * 1000))
        ).run()
        if json {
            try JSONOutput.print(report)
        } else {
            sayLines(report.text)
        }
        if !report.passed { throw ExitCode(1) }
    }
}
