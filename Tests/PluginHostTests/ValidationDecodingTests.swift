import PluginHost
import Testing

/// The validate result is read like every reply: parsed whole, then its members taken from the tree.
@Suite struct ValidationDecodingTests {
    static func decode(_ bytes: [UInt8]) -> Result<ProviderValidation, ProviderError> {
        Result { () throws(ProviderError) in try ReplyDecoder(providerID: "example").validation(bytes) }
    }

    @Test func exampleAnswerDecodes() throws {
        let text = #"{"account":"hello","organizations":[{"id":"org-1","name":"One"},{"name":"Two","id":"org-2"}]}"#
        let validation = try Self.decode(Array(text.utf8)).get()
        #expect(validation.account == "hello")
        #expect(validation.organizations.map(\.id) == ["org-1", "org-2"])
        #expect(validation.organizations.map(\.name) == ["One", "Two"])
    }

    @Test func firstOfARepeatedNameCountsAndEscapedNamesMatch() throws {
        let repeated = #"{"account":1,"account":"x","organizations":[{"id":"a","name":"b","id":"c"}],"other":[{}]}"#
        let first = try Self.decode(Array(repeated.utf8)).get()
        #expect(first.account == nil)
        #expect(first.organizations == [ProviderValidation.Organization(id: "a", name: "b")])
        let escaped = try Self.decode(Array(#"{"acc\u006funt":"escaped\n"}"#.utf8)).get()
        #expect(escaped.account == "escaped\n")
        #expect(escaped.organizations.isEmpty)
    }

    @Test(arguments: [
        (
            #"{"organizations":[{"id":"a","name":"b"},3]}"#,
            #"validate result.organizations[1] needs string "id" and "name""#
        ),
        (#"{"organizations":null}"#, "validate result.organizations is not a list"),
        ("[1]", "validate result is not a JSON object"),
        // A syntax error anywhere wins over a problem with the content found before it.
        (#"{"organizations":[3],"x":tru}"#, "validate result is not JSON (expected a value at byte 25)"),
        (#"{"account":"a"} x"#, "validate result is not JSON (text after the JSON value at byte 16)"),
    ])
    func malformedAnswerIsNamed(text: String, detail: String) {
        #expect(Self.decode(Array(text.utf8)).failure?.message == "malformed answer: \(detail); fix the plugin")
    }

    @Test func invalidUTF8IsRefused() {
        let failure = Self.decode([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]).failure
        #expect(failure?.message == "malformed answer: validate result is not valid UTF-8; fix the plugin")
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
