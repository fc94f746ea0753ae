/// The fixed fields of a new session row: ids and codes only.
public struct SessionStart: Sendable, Equatable {
    public let id: String
    public let terminal: String
    /// `YYYY-MM-DD`, in the centre's time zone.
    public let day: String
    public let hour: Int
    public let guide: String
    public let language: String
    public let launchedBy: StoredLauncher

    public init(id: String, terminal: String, day: String, hour: Int, guide: String, language: String, launchedBy: StoredLauncher) {
        self.id = id
        self.terminal = terminal
        self.day = day
        self.hour = hour
        self.guide = guide
        self.language = language
        self.launchedBy = launchedBy
    }
}
