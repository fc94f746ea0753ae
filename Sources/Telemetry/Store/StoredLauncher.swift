/// Who started a session, as stored.
public enum StoredLauncher: String, Sendable, CaseIterable {
    case citizen = "self"
    case volunteer
}
