import Foundation
import Storage

/// The benchmark's arguments: `--database URL`, then positional numbers (see main.swift).
struct FleetOptions: Sendable {
    var server: DatabaseURL?
    var instances = 3
    var integrations = 200
    var interval = 10
    var seconds = 60
    var rate = 500.0
    var apiSeconds = 10
    var workers = 4

    static func parse(_ arguments: ArraySlice<String>) -> FleetOptions {
        var options = FleetOptions()
        var numbers: [Double] = []
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--database", let text = remaining.popFirst() {
                do {
                    options.server = try DatabaseURL(parsing: text)
                } catch {
                    fail("--database: \(error)")
                }
            } else if let number = Double(argument), number > 0 {
                numbers.append(number)
            } else {
                fail("\(argument): not an option; see Benchmarks/FleetBenchmark/main.swift for the arguments")
            }
        }
        func number(_ index: Int) -> Double? { index < numbers.count ? numbers[index] : nil }
        options.instances = number(0).map(Int.init) ?? options.instances
        options.integrations = number(1).map(Int.init) ?? options.integrations
        options.interval = number(2).map(Int.init) ?? options.interval
        options.seconds = number(3).map(Int.init) ?? options.seconds
        options.rate = number(4) ?? options.rate
        options.apiSeconds = number(5).map(Int.init) ?? options.apiSeconds
        guard options.instances >= 2 else { fail("instances: the listing phase needs at least 2") }
        return options
    }

    private static func fail(_ message: String) -> Never {
        print("error: \(message)")
        exit(64)
    }
}

func machineDescription() -> String {
    let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = info.split(separator: "\n").first { $0.hasPrefix("model name") }
        .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) }
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
        .joined(separator: " ")
    return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(model ?? "unknown CPU"), load \(load ?? "?")"
}
