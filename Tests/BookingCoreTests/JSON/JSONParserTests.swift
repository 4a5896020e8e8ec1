import Foundation
import Testing
@testable import BookingCore

struct JSONParserTests {
    @Test(arguments: [
        #"{"a":1,"b":[true,false,null],"c":"x\"y\\z\n\u00e9\ud83d\ude00"}"#, "[]", "{}", "0", "-0.5e+10", #""""#,
        " [1 , 2]\r", "1e308", "1e-400", "123456789012345678901234567890", #"{"nested":{"deeper":[{"k":"v"}]}}"#, "\"Grün\"",
    ])
    func acceptsWhatJSONSerializationAccepts(_ text: String) throws {
        let ours = try JSONParser.parse(Array(text.utf8))
        let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        // Same value: compare by writing ours back and parsing that with Foundation.
        let written = JSONWriter.string(ours)
        let again = try JSONSerialization.jsonObject(with: Data(written.utf8), options: [.fragmentsAllowed])
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .fragmentsAllowed]
        #expect(try JSONSerialization.data(withJSONObject: theirs, options: options) == JSONSerialization.data(withJSONObject: again, options: options))
        #expect(try JSONParser.parse(Array(written.utf8)) == ours)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "NaN", "'x'", "\"a\nb\"", "\"\\x\"", "tru", "nulll",
        "{\"a\" 1}", "[1 2]", "1e400", "-2.5e710", String(repeating: "9", count: 400), "\"\\ud800\"", "\"\\udc00x\"", "1 2", "{1:2}", "\u{FEFF}{}",
    ])
    func rejectsInvalidJSON(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func rejectsInvalidUTF8AndDuplicateKeys() {
        #expect(throws: JSONParseError(offset: 1, reason: "invalid UTF-8 in string")) {
            try JSONParser.parse([0x22, 0xFF, 0x22])
        }
        #expect(throws: JSONParseError(offset: 8, reason: "duplicate key \"a\"")) {
            try JSONParser.parse(Array(#"{"a":1, "a":2}"#.utf8))
        }
    }

    @Test func rejectsDeepNestingInsteadOfCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(deep.utf8)) }
    }

    @Test func writesControlCharactersEscapedOnOneLine() {
        let text = JSONWriter.string(.string("a\nb\u{1}\"\\é"))
        #expect(text == #""a\nb\u0001\"\\é""#)
        #expect(!text.contains("\n"))
    }

    @Test func reportsTheByteOffsetOfTheProblem() {
        #expect(throws: JSONParseError(offset: 6, reason: "unexpected character 'x'")) {
            try JSONParser.parse(Array(#"{"a": x}"#.utf8))
        }
    }
}
