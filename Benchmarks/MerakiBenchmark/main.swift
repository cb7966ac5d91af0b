import Foundation
import Logging
import PatchbayTestSupport
import PluginHost

#if canImport(Glibc)
import Glibc
#endif

// Measures the real libPatchbayMeraki.so through the host against FakeMeraki at 1 organization x 10,000 networks
// x 5 access points: requests, wall time and peak memory of a full listing and of counts.
//
//   swift build -c release --product PatchbayMeraki && swift run -c release MerakiBenchmark
//
// With no argument it runs every scenario in a child process of its own, so each peak RSS is that scenario's.

let scenarios = BenchmarkScenario.all
let arguments = CommandLine.arguments.dropFirst()

if let name = arguments.first {
    guard let scenario = scenarios.first(where: { $0.name == name }) else {
        FileHandle.standardError.write(Data("unknown scenario '\(name)'; use one of \(scenarios.map(\.name))\n".utf8))
        exit(64)
    }
    let result = try await scenario.run()
    print(result.line)
} else {
    print(BenchmarkResult.header)
    for scenario in scenarios {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = [scenario.name]
        let output = Pipe()
        child.standardOutput = output
        try child.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        print(String(decoding: data, as: UTF8.self), terminator: "")
    }
}
