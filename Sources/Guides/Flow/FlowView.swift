/// What the terminal must draw.
public enum FlowView: Hashable, Sendable {
    case welcome([Language])
    /// Every citizen guide, by poster code (the number typed is the code).
    case menu([Guide])
    case results([Guide])
    case guide(Screen)
    case thanks(Farewell)
    case idleWarning
    case confirmLeave
}
