/// How far a long export or import has come, for a progress line.
public struct ExchangeProgress: Sendable, Equatable {
    /// Lines written or read so far.
    public var lines: Int
    /// Work done and in all, in the unit the whole is known in: sessions for an export, bytes for an import.
    public var done: Int
    public var total: Int

    public init(lines: Int, done: Int, total: Int) { (self.lines, self.done, self.total) = (lines, done, total) }
}

/// The tables of an export as CSV, one file each (`kiosk export --format csv --table T`), for `COPY` into a database.
public enum ExchangeTable: String, Sendable, CaseIterable {
    case session
    case stepEvent = "step_event"
    case daily
    case dailyStep = "daily_step"
    case purged
    case commune

    /// The columns, in the order written (docs/exchange.md).
    public var columns: [String] {
        switch self {
        case .session: return ["id", "terminal", "day", "hour", "guide", "lang", "launched_by", "steps_seen", "furthest_step", "backs",
            "helps", "outcome", "duration", "last_guide", "last_step", "commune_code"]
        case .stepEvent: return ["session", "seq", "guide", "step", "kind", "session_guide", "day"]
        case .daily: return ["day", "hour", "terminal", "guide", "lang", "launched_by", "outcome", "commune_code", "sessions"]
        case .dailyStep: return ["day", "terminal", "session_guide", "guide", "step", "commune_code", "reached", "left_done",
            "left_staff", "left_later", "left_lost"]
        case .purged: return ["id", "day"]
        case .commune: return ["code", "name", "centre"]
        }
    }
}
