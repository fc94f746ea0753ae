/// What the terminal must draw.
public enum FlowView: Hashable, Sendable {
    case welcome([Language])
    case menu([Guide])
    case results([Guide])
    case guide(Screen)
    case thanks(SessionOutcome)
    case idleWarning
    case confirmLeave
}
