/// Text on a screen: a guide line (translated by its key) or an interface word.
public enum ScreenText: Hashable, Sendable {
    case line(Line)
    case ui(UIText)
}
