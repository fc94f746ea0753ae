/// One numbered choice on a screen.
public struct ScreenChoice: Hashable, Sendable {
    public let number: Int
    public let label: ScreenText

    init(number: Int, label: ScreenText) {
        self.number = number
        self.label = label
    }
}
