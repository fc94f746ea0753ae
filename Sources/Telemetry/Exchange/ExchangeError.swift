/// Why an export or an import failed.
public enum ExchangeError: Error, Sendable, CustomStringConvertible {
    /// A line of an import file that cannot be used, with its place.
    case line(ImportError)
    /// The database failed.
    case database(SQLiteError)
    /// The file could not be read to its end.
    case reading(String)

    public var description: String {
        switch self {
        case .line(let error): return error.description
        case .database(let error): return error.description
        case .reading(let path): return "\(path): the file could not be read to its end"
        }
    }
}
