/// A user-visible line with a stable identity (`msgctxt` in catalogs) and its Vietnamese source text.
public struct Line: Hashable, Sendable {
    /// The stable identity, derived from guide, step and part ids, never from the text.
    public let key: String
    /// The Vietnamese source text.
    public let text: String

    public init(key: String, text: String) {
        self.key = key
        self.text = text
    }
}

/// How far a guide's content can be trusted, and so whether citizens see it.
public enum GuideStatus: String, Sendable, CaseIterable {
    case draft, sourced, reviewed

    /// Sourced and reviewed guides appear in the citizen menu; drafts do not.
    public var isShownToCitizens: Bool { self != .draft }
}

/// An end a guide author can write: `end done`, `end staff`, `end later`.
public enum EndKind: String, Sendable, CaseIterable {
    case done, staff, later
}

/// Where a choice leads, after `use` blocks have been expanded.
public enum Target: Hashable, Sendable {
    /// A step of the same guide, by its flat id (`chuan-bi`, `dang-nhap-vneid.mo-app`).
    case step(String)
    /// Into another guide, returning to the choosing step when it ends with done.
    case guide(String)
    /// An end of the session (done asks the citizen the end question first).
    case end(EndKind)

    /// The id used in a choice's line identity (`choice.<id>`).
    var keyPart: String {
        switch self {
        case .step(let id): return id
        case .guide(let id): return "guide-" + id
        case .end(let kind): return "end-" + kind.rawValue
        }
    }
}

/// One numbered answer of a step.
public struct Choice: Hashable, Sendable {
    public let label: Line
    public let target: Target
    public let location: SourceLocation
}

/// One step of a guide: a short instruction, warnings, an optional check question and numbered choices.
public struct Step: Hashable, Sendable {
    /// Flat id, unique in the guide: the step id, prefixed with the block id for shared steps.
    public let id: String
    /// The guide or shared block that wrote this step (the `<owner>` of its line identities).
    public let owner: String
    public let title: Line
    /// Paragraphs separated by "\n"; nil when the step has no body text.
    public let body: Line?
    public let warnings: [Line]
    public let check: Line?
    public let choices: [Choice]
    /// Source addresses for this step (its own, or its block's).
    public let sources: [String]
    public let location: SourceLocation
}

/// A calendar day as written in guide files (`YYYY-MM-DD`).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as 2026-02-30.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), d >= 1, d <= Day.daysIn(month: m, year: y)
        else { return nil }
        (year, month, day) = (y, m, d)
    }

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) {
        // Howard Hinnant's civil_from_days.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The number of days in a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(y)-\(m)-\(d)"
    }
}

/// A loaded guide: metadata and its steps, with shared blocks expanded and targets resolved.
public struct Guide: Hashable, Sendable {
    public let id: String
    public let code: String
    public let title: Line
    public let summary: Line
    public let keywords: [String]
    public let requires: [String]
    public let bring: [Line]
    public let notHere: [Line]
    public let fee: Line
    public let time: Line
    public let sources: [String]
    public let checked: Day
    public let status: GuideStatus
    public let reviewed: Day?
    /// Steps in file order; the first one is where the guide starts.
    public let steps: [Step]
    public let path: String

    /// The step with flat id `id`.
    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }

    /// The main path: from the first step, following each step's first choice until an end or a repeat.
    public var mainPath: [String] {
        var path: [String] = []
        var seen = Set<String>()
        var current = steps.first
        while let step = current, seen.insert(step.id).inserted {
            path.append(step.id)
            guard case .step(let next)? = step.choices.first?.target else { break }
            current = self.step(next)
        }
        return path
    }
}
