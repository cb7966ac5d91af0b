/// One Meraki cloud: its API host and the domain its shards (`n123.meraki.com`) live under.
struct MerakiCloud: Sendable, Equatable {
    let name: String
    /// Registrable domain of the cloud's hosts.
    let domain: String
    let apiHost: String

    var baseURL: String { "https://\(apiHost)/api/v1" }
    var allowedHosts: [String] { [apiHost, "*.\(domain)"] }

    // Hosts as the official Python SDK (meraki/config.py) lists them.
    static let global = MerakiCloud(name: "global", domain: "meraki.com", apiHost: "api.meraki.com")
    static let all: [MerakiCloud] = [
        global,
        MerakiCloud(name: "canada", domain: "meraki.ca", apiHost: "api.meraki.ca"),
        MerakiCloud(name: "china", domain: "meraki.cn", apiHost: "api.meraki.cn"),
        MerakiCloud(name: "india", domain: "meraki.in", apiHost: "api.meraki.in"),
        MerakiCloud(name: "us-fedramp", domain: "gov-meraki.com", apiHost: "api.gov-meraki.com"),
    ]

    static var names: String { all.map(\.name).joined(separator: ", ") }

    static func named(_ name: String) -> MerakiCloud? {
        all.first { $0.name == name.lowercased() }
    }

    /// The cloud a host name belongs to (`n42.meraki.com` -> global); nil for any other host.
    static func containing(host: String) -> MerakiCloud? {
        let host = host.lowercased()
        return all.first { host == $0.domain || host.hasSuffix("." + $0.domain) }
    }
}
