/// How serious a diagnostic is: errors keep a guide out of the citizen menu, warnings do not.
public enum Severity: String, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}
