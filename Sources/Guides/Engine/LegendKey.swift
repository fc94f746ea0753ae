/// The keys offered on a screen besides the numbered choices: the same symbols in every language, every one of them
/// on a numeric keypad, so a volunteer's habits carry across languages and a keypad alone drives the kiosk.
public enum LegendKey: String, Sendable, CaseIterable {
    case staff, back, `repeat`, list, quit
    /// Plays the screen's recorded voices; shown only on a screen that has some.
    case listen

    /// What to type. `0` calls staff as on a telephone hotline; the others are the keypad's operator keys (`+`, the
    /// largest, listens).
    public var symbol: String {
        switch self {
        case .staff: "0"
        case .back: "-"
        case .repeat: "."
        case .list: "*"
        case .quit: "/"
        case .listen: "+"
        }
    }

    /// The key typed as `text` (already trimmed), if it is one.
    public init?(symbol text: String) {
        guard let key = Self.allCases.first(where: { $0.symbol == text }) else { return nil }
        self = key
    }
}
