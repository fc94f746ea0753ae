/// Where a choice leads, after `use` blocks have been expanded.
public enum Target: Hashable, Sendable {
    /// A step of the same guide, by its flat id (`chuan-bi`, `dang-nhap-vneid.mo-app`).
    case step(String)
    /// Into another guide, returning to the choosing step when it ends with done.
    case guide(String)
    /// An end of the session (done asks the citizen the end question first).
    case end(EndKind)
}
