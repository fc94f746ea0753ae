/// The fixed fields of a new session row: ids and codes only.
public struct SessionStart: Sendable, Equatable, Codable {
    public let id: String
    let terminal: String
    /// `YYYY-MM-DD`, in the centre's time zone.
    let day: String
    let hour: Int
    let guide: String
    let language: String
    let launchedBy: StoredLauncher

    init(id: String, terminal: String, day: String, hour: Int, guide: String, language: String, launchedBy: StoredLauncher) {
        self.id = id
        self.terminal = terminal
        self.day = day
        self.hour = hour
        self.guide = guide
        self.language = language
        self.launchedBy = launchedBy
    }
}
