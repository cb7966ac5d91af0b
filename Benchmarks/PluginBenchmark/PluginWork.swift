import Foundation

/// The plugin's own share of a call: plugin_work.c calls the example's validate straight from C, with no host.
enum PluginWork {
    /// Median nanoseconds of the plugin's validate alone, or nil when `cc` is missing or the harness fails.
    static func median(library: String, credentialsJSON: String, iterations: Int) -> Double? {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        let headers = URL(fileURLWithPath: folder + "/../../Sources/PatchbayProviderABI/include").standardized.path
        let program = FileManager.default.temporaryDirectory.appendingPathComponent("plugin_work-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: program) }
        let compile = ["-std=c11", "-O2", "-I", headers, "-o", program, folder + "/plugin_work.c", "-ldl"]
        guard run("/usr/bin/env", ["cc"] + compile) != nil,
            let output = run(program, [library, credentialsJSON, "\(iterations)"])
        else { return nil }
        return Double(output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func run(_ executable: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
