/// Why a staff command could not open an existing statistics database.
public enum StoreOpenError: Error, Sendable, CustomStringConvertible {
    /// There is no file at the path.
    case missing(path: String)
    /// The file is another program's SQLite database (or from a newer kiosk); it was left untouched.
    case notKiosk(path: String)
    /// SQLite failed while opening it.
    case failed(path: String, SQLiteError)

    public var description: String {
        switch self {
        case .missing(let path): return "no statistics database at \(path) (use --db FILE)"
        case .notKiosk(let path): return "\(path) is not a kiosk statistics database (or is from a newer kiosk); nothing was changed"
        case .failed(let path, let error): return "\(path): \(error.description)"
        }
    }
}
