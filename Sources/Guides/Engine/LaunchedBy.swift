/// Who started a session: the citizen alone, or a volunteer standing beside them.
public enum LaunchedBy: String, Sendable, CaseIterable {
    case citizen = "self"
    case volunteer
}
