/// A language the kiosk can show: its code, its name in itself, and its name in Vietnamese.
public struct Language: Hashable, Sendable {
    public let code: String
    public let name: String
    public let vietnameseName: String

    init(code: String, name: String, vietnameseName: String) {
        self.code = code
        self.name = name
        self.vietnameseName = vietnameseName
    }
}
