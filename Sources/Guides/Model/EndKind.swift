/// An end a guide author can write: `end done`, `end staff`, `end later`.
public enum EndKind: String, Sendable, CaseIterable {
    case done, staff, later
}
