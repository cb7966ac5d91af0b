import HTTPClient
import Logging
import Secrets
import Testing

@testable import PluginHost

/// A `credential` rate budget is shared by every process on the data only if each derives the same bucket key
/// from the same credentials: the key is a digest of them, never seeded per process, and never the secret itself.
@Suite struct CredentialBudgetKeyTests {
    static func key(_ fields: [String: String]) -> String? {
        let client = HTTPClient(configuration: HTTPClientConfiguration(allowedHosts: []), logger: Logger(label: "t"))
        let call = CallContext(
            providerID: "mist",
            httpClient: client,
            logger: Logger(label: "t"),
            credentials: ProviderCredentials(fields: fields)
        )
        return call.httpContext.credentialKey
    }

    @Test func theKeyIsTheSameDigestInEveryProcessAndNeverTheSecret() throws {
        let token = "mist-token-0123456789abcdef"
        let key = try #require(Self.key(["api_token": token]))
        // What any other process computes for the same credentials (a per-process seed would differ here).
        let expected = Digest.sha256Hex(Array("patchbay-rate-credential9:api_token\(token.utf8.count):\(token)".utf8))
        #expect(key == expected)
        #expect(!key.contains(token))
        #expect(Self.key(["api_token": token + "x"]) != key)
        // Field boundaries count: moving characters from a name to its value gives another key.
        #expect(Self.key(["a": "bc"]) != Self.key(["ab": "c"]))
    }
}
