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

    /// Surrogate escapes: a lone half becomes U+FFFD and never swallows the escape or character after it.
    @Test(arguments: [
        (#""\ud800x""#, "\u{FFFD}x"),  // lone high, then a raw character
        (#""\ud800""#, "\u{FFFD}"),  // lone high at the end
        (#""\ud800\u0041""#, "\u{FFFD}A"),  // lone high, then an ordinary escape
        (#""\ud800\ud83d\ude00""#, "\u{FFFD}😀"),  // lone high, then a valid pair
        (#""\udc00x""#, "\u{FFFD}x"),  // lone low
        (#""\ude00\ud83d""#, "\u{FFFD}\u{FFFD}"),  // reversed pair
        (#""\ud83d\ude00""#, "😀"),  // valid pair
        (#""\ud83D\uDE00!""#, "😀!"),  // valid pair, upper-case hex
        (#""\ud83d😀""#, "\u{FFFD}😀"),  // pair split across a \u escape and a raw character
        (#""\ud83d\n""#, "\u{FFFD}\n"),  // high, then a non-\u escape
    ])
    func surrogateEscapes(_ json: String, _ expected: String) throws {
        #expect(try JSONParser.parse(Array(json.utf8)).string == expected)
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
