/// The lines of the JSON Lines exchange format, as Codable types: one struct per line type, snake_case keys, nulls
/// written out. Decoding is strict about types: a whole number field refuses `true`, `9.5` and `"9"`.
enum ExchangeLine {
    /// One ended session with its step events.
    struct Session: Codable, Equatable {
        var type = "session"
        let id: String
        let terminal: String
        let day: String
        let hour: Int
        let guide: String
        let lang: String
        let launchedBy: String
        let stepsSeen: Int
        let furthestStep: Int
        let backs: Int
        let helps: Int
        let outcome: String
        let duration: Int?
        let lastGuide: String?
        let lastStep: String?
        /// The commune's official code; "" when not configured (and in files written before it was recorded).
        let communeCode: String
        let events: [Event]

        enum CodingKeys: String, CodingKey {
            case type, id, terminal, day, hour, guide, lang, backs, helps, outcome, duration, events
            case launchedBy = "launched_by", stepsSeen = "steps_seen", furthestStep = "furthest_step"
            case lastGuide = "last_guide", lastStep = "last_step", communeCode = "commune_code"
        }

        init(id: String, terminal: String, day: String, hour: Int, guide: String, lang: String, launchedBy: String, stepsSeen: Int,
            furthestStep: Int, backs: Int, helps: Int, outcome: String, duration: Int?, lastGuide: String?, lastStep: String?,
            communeCode: String, events: [Event]) {
            (self.id, self.terminal, self.day, self.hour, self.guide, self.lang, self.launchedBy) = (id, terminal, day, hour, guide, lang, launchedBy)
            (self.stepsSeen, self.furthestStep, self.backs, self.helps, self.outcome) = (stepsSeen, furthestStep, backs, helps, outcome)
            (self.duration, self.lastGuide, self.lastStep, self.events) = (duration, lastGuide, lastStep, events)
            self.communeCode = communeCode
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            terminal = try c.decode(String.self, forKey: .terminal)
            day = try c.decode(String.self, forKey: .day)
            hour = try c.decode(Int.self, forKey: .hour)
            guide = try c.decode(String.self, forKey: .guide)
            lang = try c.decode(String.self, forKey: .lang)
            launchedBy = try c.decode(String.self, forKey: .launchedBy)
            stepsSeen = try c.decode(Int.self, forKey: .stepsSeen)
            furthestStep = try c.decode(Int.self, forKey: .furthestStep)
            backs = try c.decode(Int.self, forKey: .backs)
            helps = try c.decode(Int.self, forKey: .helps)
            outcome = try c.decode(String.self, forKey: .outcome)
            duration = try c.decodeIfPresent(Int.self, forKey: .duration)
            lastGuide = try c.decodeIfPresent(String.self, forKey: .lastGuide)
            lastStep = try c.decodeIfPresent(String.self, forKey: .lastStep)
            communeCode = try c.decodeIfPresent(String.self, forKey: .communeCode) ?? ""
            events = try c.decodeIfPresent([Event].self, forKey: .events) ?? []
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(type, forKey: .type)
            try c.encode(id, forKey: .id)
            try c.encode(terminal, forKey: .terminal)
            try c.encode(day, forKey: .day)
            try c.encode(hour, forKey: .hour)
            try c.encode(guide, forKey: .guide)
            try c.encode(lang, forKey: .lang)
            try c.encode(launchedBy, forKey: .launchedBy)
            try c.encode(stepsSeen, forKey: .stepsSeen)
            try c.encode(furthestStep, forKey: .furthestStep)
            try c.encode(backs, forKey: .backs)
            try c.encode(helps, forKey: .helps)
            try c.encode(outcome, forKey: .outcome)
            // Absent values are written as null, so every session line has the same fields.
            try c.encode(duration, forKey: .duration)
            try c.encode(lastGuide, forKey: .lastGuide)
            try c.encode(lastStep, forKey: .lastStep)
            try c.encode(communeCode, forKey: .communeCode)
            try c.encode(events, forKey: .events)
        }
    }

    /// A step event of a session: `[seq, guide, step, kind]`.
    struct Event: Codable, Equatable {
        let seq: Int
        let guide: String
        let step: String
        let kind: String

        init(seq: Int, guide: String, step: String, kind: String) {
            (self.seq, self.guide, self.step, self.kind) = (seq, guide, step, kind)
        }

        init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            seq = try c.decode(Int.self)
            guide = try c.decode(String.self)
            step = try c.decode(String.self)
            kind = try c.decode(String.self)
            guard c.isAtEnd else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "a step event is not [seq, guide, step, kind]")
            }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(seq)
            try c.encode(guide)
            try c.encode(step)
            try c.encode(kind)
        }
    }

    /// Sessions of one day and hour summed up (kept when session rows are purged).
    struct Daily: Codable, Equatable {
        var type = "daily"
        let day: String
        let hour: Int
        let terminal: String
        let guide: String
        let lang: String
        let launchedBy: String
        let outcome: String
        let communeCode: String
        let sessions: Int

        enum CodingKeys: String, CodingKey {
            case type, day, hour, terminal, guide, lang, outcome, sessions
            case launchedBy = "launched_by", communeCode = "commune_code"
        }
    }

    /// A day's funnel counts of one step (kept when session rows are purged).
    struct DailyStep: Codable, Equatable {
        var type = "daily_step"
        let day: String
        let terminal: String
        let sessionGuide: String
        let guide: String
        /// The step id; "" for the overview.
        let step: String
        let communeCode: String
        let reached: Int
        let leftDone: Int
        let leftStaff: Int
        let leftLater: Int
        let leftLost: Int

        enum CodingKeys: String, CodingKey {
            case type, day, terminal, guide, step, reached
            case sessionGuide = "session_guide", leftDone = "left_done", leftStaff = "left_staff", leftLater = "left_later"
            case leftLost = "left_lost", communeCode = "commune_code"
        }
    }

    /// A commune's name and centre, by its official code (one line per commune the file counts).
    struct Commune: Codable, Equatable {
        var type = "commune"
        let code: String
        let name: String
        let centre: String
    }

    /// A machine (as a hash) that uses a terminal id: two machines under one id are a configuration mistake to report.
    struct Terminal: Codable, Equatable {
        var type = "terminal"
        let terminal: String
        let machine: String
    }

    /// The id of a session purged at the source: its daily totals count it.
    struct Purged: Codable, Equatable {
        var type = "purged"
        let id: String
        let day: String
    }

    /// Just the type, read first to choose the line's struct.
    struct Kind: Decodable {
        let type: String
    }
}

/// Files written before communes were recorded have no `commune_code`: it is "".
extension ExchangeLine.Daily {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        day = try c.decode(String.self, forKey: .day)
        hour = try c.decode(Int.self, forKey: .hour)
        terminal = try c.decode(String.self, forKey: .terminal)
        guide = try c.decode(String.self, forKey: .guide)
        lang = try c.decode(String.self, forKey: .lang)
        launchedBy = try c.decode(String.self, forKey: .launchedBy)
        outcome = try c.decode(String.self, forKey: .outcome)
        communeCode = try c.decodeIfPresent(String.self, forKey: .communeCode) ?? ""
        sessions = try c.decode(Int.self, forKey: .sessions)
    }
}

extension ExchangeLine.DailyStep {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        day = try c.decode(String.self, forKey: .day)
        terminal = try c.decode(String.self, forKey: .terminal)
        sessionGuide = try c.decode(String.self, forKey: .sessionGuide)
        guide = try c.decode(String.self, forKey: .guide)
        step = try c.decode(String.self, forKey: .step)
        communeCode = try c.decodeIfPresent(String.self, forKey: .communeCode) ?? ""
        reached = try c.decode(Int.self, forKey: .reached)
        leftDone = try c.decode(Int.self, forKey: .leftDone)
        leftStaff = try c.decode(Int.self, forKey: .leftStaff)
        leftLater = try c.decode(Int.self, forKey: .leftLater)
        leftLost = try c.decode(Int.self, forKey: .leftLost)
    }
}
