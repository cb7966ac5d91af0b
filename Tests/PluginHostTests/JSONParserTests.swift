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

    /// Members are found past nested values of every kind, by escaped names too; the first of a repeated name wins.
    @Test func membersAreFoundPastNestedValues() throws {
        let value = try JSONParser.parse(
            Array(#"{"a":{"x":[1,{"y":[]}],"z":"q"},"b":[[],[[1]],{}],"\u0063":"C","d":1,"d":2,"e":[true,null]}"#.utf8)
        )
        #expect(value["a"]?["z"]?.string == "q")
        #expect(value["a"]?["x"]?.array?.count == 2)
        #expect(value["b"]?.array?.map(\.canonicalText) == ["[]", "[[1]]", "{}"])
        #expect(value["c"]?.string == "C")
        #expect(value["d"]?.integer == 1)
        #expect(value["e"]?.array?.count == 2)
        #expect(value["y"] == nil)
        #expect(value["a"]?["x"]?.string == nil)
        #expect(value["e"]?.strings == nil)
    }

    /// Escaped and plain names sort together by their UTF-8 bytes, whichever form each was sent in.
    @Test func escapedNamesSortByTheirBytes() throws {
        #expect(try canonical(#"{"\u00e9":1,"z":2,"\u0061":3,"é2":4}"#) == #"{"a":3,"z":2,"é":1,"é2":4}"#)
    }

    @Test func invalidUTF8IsNamedAsSuch() throws {
        let failure = #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0x61, 0xC3, 0x22]) }
        #expect(failure?.isInvalidUTF8 == true)
        #expect(failure?.offset == 2)
        #expect(try JSONParser.parse(Array(#""é""#.utf8)).string == "é")
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
