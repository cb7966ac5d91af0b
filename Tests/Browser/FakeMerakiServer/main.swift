import Foundation
import PatchbayTestSupport

// A FakeMeraki on 127.0.0.1 for the console's browser tests (Tests/Browser/test_console.py), which cannot link
// Swift: it prints one JSON line (where it listens, the key it accepts, what counts it should produce), then
// takes commands on stdin (`slow /networks 8000`, `fast /networks`) and stops when stdin closes.

let dataset: FakeMerakiDataset = {
    var dataset = FakeMerakiDataset.generated(organizations: 2, networksPerOrganization: 6)
    // A provider-supplied name that is also markup: the console must show it as text and never run it.
    dataset.organizations[0].networks[2].name = "<img src=x onerror=alert(1)>"
    return dataset
}()
let networks = dataset.organizations.reduce(0) { $0 + $1.networks.count }
let accessPoints = dataset.organizations.reduce(0) { total, organization in
    total + organization.networks.reduce(0) { $0 + $1.devices.count { $0.productType == "wireless" } }
}

/// One line on stdout, unbuffered: the test reads it while this process runs.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Applies stdin's commands until stdin closes. Blocking reads: run it on a thread of its own.
func readCommands(for fake: FakeMeraki) {
    while let line = readLine() {
        let words = line.split(separator: " ").map(String.init)
        switch (words.first, words.count) {
        case ("slow", 3):
            fake.slowDown(pathsEndingWith: words[1], by: .milliseconds(Int(words[2]) ?? 0))
        case ("fast", 2):
            fake.slowDown(pathsEndingWith: words[1], by: nil)
        default:
            FileHandle.standardError.write(Data("fake-meraki: unknown command '\(line)'\n".utf8))
        }
        say("ok")
    }
}

try await withFakeMeraki(dataset) { fake in
    let ready: [String: Any] = [
        "base_url": fake.baseURL,
        "authority": fake.authority,
        "api_key": FakeMerakiDataset.goodKey,
        "networks": networks,
        "access_points": accessPoints,
        "organizations": dataset.organizations.map(\.id),
    ]
    let line = try JSONSerialization.data(withJSONObject: ready, options: [.sortedKeys])
    say(String(decoding: line, as: UTF8.self))
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        Thread {
            readCommands(for: fake)
            continuation.resume()
        }
        .start()
    }
}
