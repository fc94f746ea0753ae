/// How a session ended, as stored.
public enum StoredOutcome: String, Sendable, CaseIterable, Codable {
    case done, staff, later, abandoned, timeout, interrupted
}
