/// Why an export or an import failed.
public enum ExchangeError: Error, Sendable, CustomStringConvertible {
    /// A line of an import file that cannot be used, with its place.
    case line(ImportError)
    /// The database failed.
    case database(SQLiteError)
    /// A line could not be encoded (never expected: every field is a text or a whole number).
    case encoding(String)

    public var description: String {
        switch self {
        case .line(let error): return error.description
        case .database(let error): return error.description
        case .encoding(let message): return "a line could not be written as JSON: \(message)"
        }
    }
}
