// libFuzzer harness: the import's JSON parser against Foundation's, and the export's writer read back.
// - whatever the parser accepts, JSONSerialization accepts too, with the same value;
// - every text the writer writes reads back as itself, and its line holds no raw control, separator or override.
import Foundation

/// The parser's value in Foundation's terms, for comparison.
private func foundation(_ value: JSONValue) -> NSObject {
    switch value {
    case .string(let text): return text as NSString
    case .integer(let number): return NSNumber(value: number)
    case .fraction, .null: return NSNull()
    case .bool(let flag): return NSNumber(value: flag)
    case .array(let items): return items.map(foundation) as NSArray
    case .object(let pairs): return Dictionary(pairs.map { ($0.0, foundation($0.1)) }, uniquingKeysWith: { a, _ in a }) as NSDictionary
    }
}

private func hasFraction(_ value: JSONValue) -> Bool {
    switch value {
    case .fraction: return true
    case .array(let items): return items.contains(where: hasFraction)
    case .object(let pairs): return pairs.contains { hasFraction($0.1) }
    default: return false
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLine(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let ours = try? JSONParser.parse(bytes)
    let theirs = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    // A number that is not whole (9.5, 2E344) no field accepts; Foundation refuses some that JSON allows (out of a
    // double's range), so such values are compared no further.
    if let ours, !hasFraction(ours) {
        guard let theirs else { fatalError("the parser accepted what JSONSerialization refuses") }
        // Compared as Foundation writes both (sorted keys): NSObject equality across Swift and Foundation
        // containers depends on bridging, the written text does not.
        if !hasFraction(ours), JSONSerialization.isValidJSONObject([theirs]) {
            let a = try? JSONSerialization.data(withJSONObject: [foundation(ours)], options: [.sortedKeys])
            let b = try? JSONSerialization.data(withJSONObject: [theirs], options: [.sortedKeys])
            if a != b { fatalError("the parser read a different value") }
        }
    }
    // The writer: the input as one text field, read back by Foundation.
    let text = String(decoding: bytes, as: UTF8.self)
    var writer = JSONLineWriter()
    writer.beginObject()
    writer.field("t", text)
    writer.field("n", Int64(size) - 1000)
    writer.endObject()
    let line = writer.bytes
    guard let read = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], read["t"] as? String == text,
        (read["n"] as? NSNumber)?.int64Value == Int64(size) - 1000 else { fatalError("a written line does not read back") }
    let raw = String(decoding: line, as: UTF8.self).unicodeScalars
    if raw.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x2028...0x202E).contains($0.value)
        || (0x2066...0x2069).contains($0.value) || $0.value == 0x200E || $0.value == 0x200F || $0.value == 0xFEFF }) {
        fatalError("a written line holds a raw control")
    }
    return 0
}
