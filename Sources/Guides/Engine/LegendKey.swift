/// The keys offered on a screen besides the numbered choices; the terminal shows a legend for them.
public enum LegendKey: String, Sendable, CaseIterable {
    case back, `repeat`, list, staff, quit
}
