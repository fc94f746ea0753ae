/// Who started a session, as stored.
public enum StoredLauncher: String, Sendable, CaseIterable, Codable {
    case citizen = "self"
    case volunteer
}
