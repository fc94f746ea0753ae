import Foundation
import Testing
@testable import Telemetry

/// The import's JSON parser and the export's writer, against Foundation's JSONSerialization as the oracle.
@Suite struct JSONLineTests {
    func parse(_ text: String) -> JSONValue? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { try? JSONParser.parse(UnsafeBufferPointer($0)) }
    }

    @Test(arguments: [
        #"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#, #"  {"x" : -12 , "y":[ ]} "#, #"{"s":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}"#,
        #"{"n":0}"#, #"[1,2,3]"#, #""text""#, #"{"v":"Xã Thử Nghiệm – ơ̆ ư̆"}"#, #"{"big":9223372036854775807}"#,
    ])
    func whatFoundationReadsTheParserReadsAlike(text: String) throws {
        let ours = try #require(parse(text))
        let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(Self.foundation(ours).isEqual(theirs), "\(ours) against \(theirs)")
    }

    @Test(arguments: [
        ("", "not valid JSON"), (#"{"a":1} x"#, "text after"), (#"{"a":01}"#, "not valid JSON"), (#"{"a":1,"a":2}"#, "given twice"),
        (#"{"a":"\ud800"}"#, "not UTF-8"), (#"{"a":"\udc00\ud800"}"#, "not UTF-8"), ("{\"a\":\"\u{1}\"}", "control character"),
        (#"{"a":"\x"}"#, "not valid JSON"), (#"{"a":tru}"#, "not valid JSON"), (#"{"a":1,}"#, "not valid JSON"),
        (#"{"a":[1,]}"#, "not valid JSON"), (#"{'a':1}"#, "not valid JSON"), (String(repeating: "[", count: 17) + String(repeating: "]", count: 17), "deeply"),
        (#"{"a":-}"#, "not valid JSON"), (#"{"a":1.}"#, "not valid JSON"), (#"{"a":"open"#, "not valid JSON"),
    ])
    func whatIsNotStrictJSONIsRefusedAndSaid(text: String, message: String) {
        var bytes = Array(text.utf8)
        let outcome: Result<JSONValue, JSONParser.Failure> = bytes.withUnsafeMutableBufferPointer { buffer in
            do throws(JSONParser.Failure) {
                return .success(try JSONParser.parse(UnsafeBufferPointer(buffer)))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let value): Issue.record("accepted \(text.debugDescription) as \(value)")
        case .failure(let error): #expect(error.message.contains(message), "\(text.debugDescription): \(error.message)")
        }
    }

    @Test func invalidUTF8InATextIsRefused() {
        var bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        let value = bytes.withUnsafeMutableBufferPointer { try? JSONParser.parse(UnsafeBufferPointer($0)) }
        #expect(value == nil)
    }

    @Test func numbersThatAreNotWholeAreFractions() {
        #expect(parse(#"{"a":9.5}"#) == .object([("a", .fraction)]))
        #expect(parse(#"{"a":1e3}"#) == .object([("a", .fraction)]))
        #expect(parse(#"{"a":99999999999999999999}"#) == .object([("a", .fraction)]))
        #expect(parse(#"{"a":-7}"#) == .object([("a", .integer(-7))]))
    }

    /// Every text reads back as itself, and no line holds a raw control, line separator or direction override.
    @Test func everyTextTheWriterWritesReadsBackAndCannotDriveATerminal() throws {
        var random = SystemRandomNumberGenerator()
        let awkward: [Unicode.Scalar] = ["\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{2028}",
            "\u{2029}", "\u{202E}", "\u{2066}", "\u{200F}", "\u{FEFF}", "ơ", "\u{306}", "€", "😀", "a", " "]
        for round in 0..<500 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &random) { scalars.append(awkward.randomElement(using: &random) ?? "a") }
            let text = String(scalars)
            var writer = JSONLineWriter()
            writer.beginObject()
            writer.field("t", text)
            writer.field("n", Int64(round) - 250)
            writer.field("none", nil as String?)
            writer.endObject()
            let line = writer.bytes
            let read = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            #expect(read["t"] as? String == text && (read["n"] as? NSNumber)?.intValue == round - 250 && read["none"] is NSNull)
            let raw = String(decoding: line, as: UTF8.self).unicodeScalars
            #expect(!raw.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || [0x2028, 0x2029, 0x202E, 0x2066, 0x200F, 0xFEFF].contains($0.value) })
            #expect(parse(String(decoding: line, as: UTF8.self)) == .object([("t", .string(text)), ("n", .integer(Int64(round) - 250)), ("none", .null)]))
        }
    }

    static func foundation(_ value: JSONValue) -> NSObject {
        switch value {
        case .string(let text): return text as NSString
        case .integer(let number): return NSNumber(value: number)
        case .fraction, .null: return NSNull()
        case .bool(let flag): return NSNumber(value: flag)
        case .array(let items): return items.map(foundation) as NSArray
        case .object(let pairs): return Dictionary(pairs.map { ($0.0, foundation($0.1)) }, uniquingKeysWith: { a, _ in a }) as NSDictionary
        }
    }
}
