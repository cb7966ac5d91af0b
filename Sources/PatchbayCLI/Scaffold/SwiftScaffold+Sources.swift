extension SwiftScaffold {
    /// The provider: validate and listNetworks over the host's HTTP service, with ProviderKit owning every pointer.
    static func provider(_ name: ScaffoldName) -> String {
        let type = name.pascal + "Provider"
        return #"""
            import Foundation
            import ProviderKit

            /// The \#(name.display) provider. validate: GET <base_url>/me; listNetworks: GET <base_url>/networks.
            ///
            /// The fake API in Tests/FakeServer answers in Patchbay's own shapes so this skeleton stays short: map your
            /// API's objects where it says TODO. Rules: the comments in Vendor/PatchbayProviderABI/include.
            public struct \#(type): Provider {
                public static let descriptor = ProviderDescriptor(
                    id: "\#(name.id)",
                    name: "\#(name.display)",
                    version: "0.1.0",
                    vendor: "\#(name.display) vendor",
                    summary: "Networks from the \#(name.display) API.",
                    credentialFields: [
                        Field(name: "api_key", label: "API key", summary: "Sent as a bearer token.", isRequired: true, isSecret: true)
                    ],
                    settings: [
                        Field(name: "base_url", label: "Base URL", summary: "The API's root URL.", defaultValue: Self.defaultBaseURL)
                    ],
                    capabilities: ["networks.list"],
                    allowedHosts: ["api.example.com"],
                    rateBudgets: [RateBudget(scope: .provider, requests: 10, periodMilliseconds: 1000)]
                )

                static let defaultBaseURL = "https://api.example.com/v1"
                let baseURL: String

                public init(settings: [String: String], host: ProviderHost) throws {
                    let url = settings["base_url"] ?? Self.defaultBaseURL
                    guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                        throw ProviderKitError(.invalidArgument, "setting base_url: '\(url)' is not an http(s) URL; fix it")
                    }
                    baseURL = url.hasSuffix("/") ? String(url.dropLast()) : url
                }

                public func validate(credentials: Credentials, call: Call) throws -> Validation {
                    let object = try json(try get("/me", credentials, call), "/me")
                    // TODO: map your API's identity answer.
                    let organizations = (object["organizations"] as? [[String: Any]] ?? []).compactMap { item in
                        (item["id"] as? String).map { Validation.Organization(id: $0, name: item["name"] as? String ?? $0) }
                    }
                    return Validation(account: object["account"] as? String ?? "", organizations: organizations)
                }

                public func listNetworks(credentials: Credentials, call: Call, sink: NetworkSink) throws {
                    let object = try json(try get("/networks", credentials, call), "/networks")
                    // TODO: map each of your API's objects, and follow its pagination page by page (one send a page).
                    var networks: [Network] = []
                    for item in object["networks"] as? [[String: Any]] ?? [] {
                        guard let id = item["external_id"] as? String else { continue }
                        let raw = try JSONSerialization.data(withJSONObject: item["raw"] ?? [String: Any]())
                        networks.append(
                            Network(
                                externalID: id,
                                name: item["name"] as? String ?? id,
                                organizationID: item["organization_id"] as? String ?? "",
                                productTypes: [],
                                tags: [],
                                timeZone: nil,
                                url: nil,
                                raw: RawJSON(bytes: ArraySlice(raw))
                            )
                        )
                    }
                    try sink.send(networks)
                }

                /// GET <base_url><path> with the API key; any answer but 200 becomes the matching status.
                private func get(_ path: String, _ credentials: Credentials, _ call: Call) throws -> [UInt8] {
                    guard let key = credentials["api_key"], !key.isEmpty else {
                        throw ProviderKitError(.invalidArgument, "credentials need a non-empty api_key; pass {\"api_key\": \"...\"}")
                    }
                    let response = try call.http(
                        HTTPRequest(url: baseURL + path, headers: [HTTPHeader(name: "Authorization", value: "Bearer \(key)")])
                    )
                    switch response.status {
                    case 200: return response.body
                    case 401: throw ProviderKitError(.unauthenticated, "GET \(path): the API answered 401; check the api_key credential")
                    case 403: throw ProviderKitError(.permissionDenied, "GET \(path): the API answered 403; grant the key access")
                    case 500...: throw ProviderKitError(.unavailable, "GET \(path): the API answered \(response.status); try again later")
                    default: throw ProviderKitError(.internal, "GET \(path): the API answered \(response.status); check base_url")
                    }
                }

                private func json(_ body: [UInt8], _ path: String) throws -> [String: Any] {
                    guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                        throw ProviderKitError(.internal, "GET \(path): the API answered malformed JSON; check base_url")
                    }
                    return object
                }
            }

            """#
    }

    /// A Swift Testing suite: the descriptor, then the host's conformance checker against the fake API.
    static func tests(_ name: ScaffoldName, patchbay: String) -> String {
        let type = name.pascal + "Provider"
        return #"""
            import FakeServer
            import Foundation
            import ProviderKit
            import Testing
            import \#(type)

            @Suite struct \#(type)Tests {
                @Test func descriptorNamesTheProvider() {
                    #expect(\#(type).descriptor.id == "\#(name.id)")
                    #expect(\#(type).descriptor.credentialFields.map(\.name) == ["api_key"])
                }

                /// `patchbay plugins check` loads the built library, as the host will, and calls it against the fake API.
                @Test func patchbayCheckPassesAgainstTheFakeAPI() throws {
                    let port = fake_server_start()
                    try #require(port > 0, "the fake API cannot listen on 127.0.0.1")
                    let credentials = FileManager.default.temporaryDirectory.appendingPathComponent("\#(name.id)-\(port).json")
                    try Data("{\"api_key\": \"test-key\"}".utf8).write(to: credentials)
                    defer { try? FileManager.default.removeItem(at: credentials) }
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: Self.patchbay)
                    process.arguments = [
                        "plugins", "check", Self.library, "--settings", "{\"base_url\": \"http://127.0.0.1:\(port)\"}",
                        "--credentials-file", credentials.path,
                    ]
                    let output = Pipe()
                    process.standardOutput = output
                    try process.run()
                    let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    process.waitUntilExit()
                    #expect(process.terminationStatus == 0, "\(report)")
                }

                /// `$PATCHBAY`, else the patchbay that generated this package.
                static var patchbay: String {
                    ProcessInfo.processInfo.environment["PATCHBAY"] ?? "\#(patchbay)"
                }

                /// The plugin `swift test` built, next to the test bundle.
                static var library: String {
                    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
                    let components = bundle.pathComponents
                    let folder =
                        components.firstIndex { $0.hasSuffix(".xctest") }
                        .map { NSString.path(withComponents: Array(components[..<$0])) } ?? bundle.deletingLastPathComponent().path
                    return folder + "/libPatchbay\#(name.pascal).so"
                }
            }

            """#
    }
}
