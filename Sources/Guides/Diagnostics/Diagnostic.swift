/// One problem found in a guide, block or catalog file, printed as `path:line:col: error: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public let location: SourceLocation
    public let severity: Severity
    let message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

extension Array where Element == Diagnostic {
    /// True when any element is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by path, line and column, for stable output.
    public func sortedByLocation() -> [Diagnostic] {
        sorted {
            ($0.location.path, $0.location.line, $0.location.column, $0.message)
                < ($1.location.path, $1.location.line, $1.location.column, $1.message)
        }
    }
}
