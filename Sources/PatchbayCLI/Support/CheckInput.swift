import ArgumentParser
import Foundation
import JSONText
import Logging
import PatchbayServer
import PluginCheck
import PluginHost

/// The inputs of `plugins check`, read and checked, and the child process's side of the run.
enum CheckInput {
    /// `--settings`: a JSON object whose values are strings.
    static func settings(_ text: String?) throws -> [String: String] {
        guard let text else { return [:] }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let values = object as? [String: String]
        else {
            StandardError.print(
                "error: --settings: not a JSON object of strings; write e.g. '{\"base_url\": \"http://127.0.0.1:8080\"}'"
            )
            throw ExitCode(64)
        }
        return values
    }

    /// `--credentials-file`: a JSON object of strings, from a file or stdin (to its end, or its first line when
    /// `oneLine`: the checker's child, whose stdin stays open); never echoed.
    static func credentials(file: String, oneLine: Bool = false) throws -> [String: String] {
        let data: Data
        if file == "-" && oneLine {
            data = Data((readLine(strippingNewline: true) ?? "").utf8)
        } else if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                StandardError.print("error: \(file): cannot read the credentials file; check the path and permissions")
                throw ExitCode(66)
            }
            data = contents
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let values = object as? [String: String]
        else {
            let source = file == "-" ? "stdin" : file
            StandardError.print("error: \(source): not a JSON object of strings; write the credential fields")
            throw ExitCode(65)
        }
        return values
    }

    /// Runs the checks in this process, writing each event as one JSON line, unbuffered, so a crash loses nothing.
    static func stream(
        path: String,
        settings: [String: String],
        credentials: [String: String]?,
        repetitions: Int,
        isolation: ManifestEntry.Isolation
    ) {
        let options = CheckOptions(
            path: path,
            settings: settings,
            credentials: credentials,
            repetitions: repetitions,
            isolation: isolation
        )
        let checker = ConformanceChecker(options: options, logger: PluginFileOptions.logger) { event in
            guard var line = try? JSONWriter.bytes(of: event) else { return }
            line.append(UInt8(ascii: "\n"))
            FileHandle.standardOutput.write(Data(line))
        }
        _ = checker.run()
    }

    /// The checker's child ends as soon as its parent does: the parent holds the child's stdin open for as long as
    /// it lives, so its end of file (a parent that exited, crashed or was killed with SIGKILL) ends the child, and
    /// the plugin in it, at once.
    static func watchParent() {
        Thread.detachNewThread {
            _ = FileHandle.standardInput.readDataToEndOfFile()
            // Not exit(): the plugin may hold locks an atexit handler would wait for.
            _exit(70)
        }
    }

    /// This binary, to run the child.
    static var selfExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}
