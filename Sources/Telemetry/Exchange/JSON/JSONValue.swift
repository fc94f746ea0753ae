/// A value of one parsed JSON line. Numbers are kept as whole numbers when they are written as one (`12`, `-3`);
/// any other number (`9.5`, `1e3`) is `.fraction`, which no field of the exchange format accepts.
enum JSONValue: Equatable {
    case string(String)
    case integer(Int64)
    case fraction
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Fields in the order written (a line has at most a few dozen: a linear search is the fastest lookup).
    case object([(String, JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.integer(let x), .integer(let y)): return x == y
        case (.fraction, .fraction), (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}

/// The fields of one JSON object, read by name; each reader names the field it could not use, never its value.
struct JSONFields {
    let pairs: [(String, JSONValue)]

    /// Why a field could not be read: its name and what it should have been.
    struct Problem: Error {
        let message: String
    }

    func value(_ name: String) -> JSONValue? { pairs.first { $0.0 == name }?.1 }

    func string(_ name: String) throws(Problem) -> String {
        guard case .string(let text)? = value(name) else { throw Problem(message: "\"\(name)\" is missing or not a text") }
        return text
    }

    /// A text that files of an older version lack: `fallback` when absent.
    func string(_ name: String, absent fallback: String) throws(Problem) -> String {
        guard value(name) != nil else { return fallback }
        return try string(name)
    }

    func optionalString(_ name: String) throws(Problem) -> String? {
        switch value(name) {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw Problem(message: "\"\(name)\" is missing or not a text or null")
        }
    }

    func integer(_ name: String) throws(Problem) -> Int {
        guard case .integer(let number)? = value(name), let small = Int(exactly: number) else {
            throw Problem(message: "\"\(name)\" is missing or not a whole number")
        }
        return small
    }

    func optionalInteger(_ name: String) throws(Problem) -> Int? {
        switch value(name) {
        case nil, .null?: return nil
        case .integer(let number)?: return Int(number)
        default: throw Problem(message: "\"\(name)\" is missing or not a whole number or null")
        }
    }
}
