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
    /// The commune's official code ("" when not configured).
    let communeCode: String

    init(id: String, terminal: String, day: String, hour: Int, guide: String, language: String, launchedBy: StoredLauncher,
        communeCode: String = "") {
        self.id = id
        self.terminal = terminal
        self.day = day
        self.hour = hour
        self.guide = guide
        self.language = language
        self.launchedBy = launchedBy
        self.communeCode = communeCode
    }

    enum CodingKeys: String, CodingKey {
        case id, terminal, day, hour, guide, language, launchedBy, communeCode
    }

    /// A spool written before communes were recorded has no `communeCode`: it is "".
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        terminal = try c.decode(String.self, forKey: .terminal)
        day = try c.decode(String.self, forKey: .day)
        hour = try c.decode(Int.self, forKey: .hour)
        guide = try c.decode(String.self, forKey: .guide)
        language = try c.decode(String.self, forKey: .language)
        launchedBy = try c.decode(StoredLauncher.self, forKey: .launchedBy)
        communeCode = try c.decodeIfPresent(String.self, forKey: .communeCode) ?? ""
    }
}
