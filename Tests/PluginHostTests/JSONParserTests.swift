import PluginHost
import Testing

/// The host's parser for plugin answers: strict JSON in, canonical text out.
@Suite struct JSONParserTests {
    func canonical(_ text: String) throws -> String {
        try JSONParser.parse(Array(text.utf8)).canonicalText
    }

    @Test func objectsComeOutWithSortedKeysAndNoSpaces() throws {
        #expect(
            try canonical(#" { "b" : [1, 2.5e3, -0, true, false, null] , "a" : {"z":"", "y":{}} } "#)
                == #"{"a":{"y":{},"z":""},"b":[1,2.5e3,-0,true,false,null]}"#
        )
    }

    @Test func escapesAreDecodedAndWrittenBack() throws {
        let value = try JSONParser.parse(Array(#"{"s":"a\"b\\c\/d\n\t\u00e9\ud83d\ude00"}"#.utf8))
        #expect(value["s"]?.string == "a\"b\\c/d\n\té😀")
        #expect(value.canonicalText == #"{"s":"a\"b\\c/d\n\u0009é😀"}"#)
    }

    @Test func loneSurrogateBecomesReplacementCharacter() throws {
        #expect(try JSONParser.parse(Array(#"["\ud800x"]"#.utf8)).array?.first?.string == "\u{FFFD}x")
    }

    @Test func integersReadFromWholeNumbers() throws {
        let value = try JSONParser.parse(Array(#"{"a":3,"b":3.0,"c":3.5,"d":"3"}"#.utf8))
        #expect(value["a"]?.integer == 3)
        #expect(value["b"]?.integer == 3)
        #expect(value["c"]?.integer == nil)
        #expect(value["d"]?.integer == nil)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "{\"a\":01}", "\"tab\there\"", "nul", "[1] x", "{'a':1}", "-", "1.", "1e",
        String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    ])
    func malformedTextIsRefused(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)) }
    }
}
