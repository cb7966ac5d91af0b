import Dispatch
import Foundation
import Logging
import PluginHost

// Measures what the plugin boundary costs: a round trip through the C ABI against the same work done by a
// direct Swift call, and the time to load the plugins of plugins.yaml.
//
// Run in release from the package root, after `swift build` and `scripts/build-example-plugins.sh`:
//     swift run -c release PluginBenchmark [plugins.yaml]

let manifestPath = CommandLine.arguments.dropFirst().first ?? "plugins.yaml"
var logger = Logger(label: "patchbay.benchmark")
logger.logLevel = .error

let report = BenchmarkReport()
report.machine()

// 1. Load time: a fresh process loads each library once, so the first load is the figure that matters.
let loadStart = DispatchTime.now().uptimeNanoseconds
let registry: ProviderRegistry
do {
    registry = try ProviderRegistry.load(manifestPath: manifestPath, logger: logger)
    // Entries load when first needed; listing them loads every one, which is what this figure measures.
    _ = registry.plugins
} catch {
    print("error: \(error)")
    exit(78)
}
let loadNanoseconds = DispatchTime.now().uptimeNanoseconds - loadStart
report.load(registry: registry, nanoseconds: loadNanoseconds)

guard let listed = registry.provider(id: "example") else {
    print("error: \(manifestPath): the C example did not load; run scripts/build-example-plugins.sh")
    exit(69)
}
// The ABI's own cost is measured in-process, whatever isolation plugins.yaml gives the example (process, by
// default); section 4 adds what a runner costs.
let inProcessEntry = ManifestEntry(path: listed.path, settings: listed.settings, isolation: .inProcess)
guard
    let example = ProviderRegistry(
        manifest: Manifest(file: manifestPath, entries: [inProcessEntry]),
        logger: logger
    ).provider(id: "example")
else {
    print("error: \(listed.path): the C example did not load in-process")
    exit(69)
}

// 2. Round trip: ~200 bytes of credentials JSON in, ~200 bytes of result JSON out.
let credentials = ProviderCredentials(fields: [
    "token": String(repeating: "t", count: 64), "organization": "org-benchmark-0001",
    "region": "europe-west", "note": String(repeating: "n", count: 60),
])
let iterations = 20_000
let direct = Measurement.of(iterations: iterations) {
    DirectProvider.validate(credentials: credentials, greeting: "hello")
}
let blocking = Measurement.of(iterations: iterations) {
    try? example.validateBlocking(credentials: credentials)
}
let asyncIterations = 5_000
let asynchronous = await Measurement.ofAsync(iterations: asyncIterations) {
    try? await example.validate(credentials: credentials)
}
report.roundTrip(direct: direct, blocking: blocking, asynchronous: asynchronous)

// 3. The pieces: the plugin's own work (timed from C, no host), and parsing the ~200-byte result.
let credentialsJSON =
    "{" + credentials.fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",")
    + "}"
let pluginWork = PluginWork.median(library: example.path, credentialsJSON: credentialsJSON, iterations: iterations)
let resultJSON = Array(
    #"{"account":"hello from the example provider","organizations":[{"id":"org-1","name":"Example Org One"},{"id":"org-2","name":"Example Org Two"},{"id":"org-3","name":"Example Org Three"}]}"#
        .utf8
)
let parse = Measurement.of(iterations: iterations) { try? JSONParser.parse(resultJSON) }
report.parts(
    credentialsBytes: credentialsJSON.utf8.count,
    resultBytes: resultJSON.count,
    pluginWork: pluginWork,
    parse: parse,
    blocking: blocking.median
)

// 4. Process isolation (the default) against in-process, for the same plugin.
await IsolationBenchmark.run(examplePath: example.path, logger: logger)
