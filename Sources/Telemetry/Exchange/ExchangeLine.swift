/// The lines of the JSON Lines exchange format (docs/exchange.md), as read by an import: one struct per line type,
/// built from a parsed line's fields. Reading is strict about types: a whole number field refuses `true`, `9.5` and
/// `"9"`. Fields a reader does not know are ignored (a newer minor version may add some).
enum ExchangeLine {
    /// One ended session with its step events.
    struct Session: Equatable {
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

        init(_ f: JSONFields) throws(JSONFields.Problem) {
            id = try f.string("id")
            terminal = try f.string("terminal")
            day = try f.string("day")
            hour = try f.integer("hour")
            guide = try f.string("guide")
            lang = try f.string("lang")
            launchedBy = try f.string("launched_by")
            stepsSeen = try f.integer("steps_seen")
            furthestStep = try f.integer("furthest_step")
            backs = try f.integer("backs")
            helps = try f.integer("helps")
            outcome = try f.string("outcome")
            duration = try f.optionalInteger("duration")
            lastGuide = try f.optionalString("last_guide")
            lastStep = try f.optionalString("last_step")
            communeCode = try f.string("commune_code", absent: "")
            switch f.value("events") {
            case nil: events = []
            case .array(let items)?:
                var read: [Event] = []
                read.reserveCapacity(items.count)
                for item in items { read.append(try Event(item)) }
                events = read
            default: throw JSONFields.Problem(message: "\"events\" is missing or not a list of step events")
            }
        }
    }

    /// A step event of a session: `{"seq", "guide", "step", "kind"}`, or `[seq, guide, step, kind]` in version 1 files.
    struct Event: Equatable {
        let seq: Int
        let guide: String
        let step: String
        let kind: String

        init(_ value: JSONValue) throws(JSONFields.Problem) {
            let malformed = JSONFields.Problem(message: "a step event is not {\"seq\", \"guide\", \"step\", \"kind\"}")
            switch value {
            case .object(let pairs):
                let f = JSONFields(pairs: pairs)
                do {
                    (seq, guide, step, kind) = (try f.integer("seq"), try f.string("guide"), try f.string("step"), try f.string("kind"))
                } catch {
                    throw malformed
                }
            case .array(let items):
                guard items.count == 4, case .integer(let number) = items[0], let seq = Int(exactly: number),
                    case .string(let guide) = items[1], case .string(let step) = items[2], case .string(let kind) = items[3]
                else { throw malformed }
                (self.seq, self.guide, self.step, self.kind) = (seq, guide, step, kind)
            default:
                throw malformed
            }
        }
    }

    /// Sessions of one day and hour summed up (kept when session rows are purged).
    struct Daily: Equatable {
        let day: String
        let hour: Int
        let terminal: String
        let guide: String
        let lang: String
        let launchedBy: String
        let outcome: String
        let communeCode: String
        let sessions: Int

        init(_ f: JSONFields) throws(JSONFields.Problem) {
            day = try f.string("day")
            hour = try f.integer("hour")
            terminal = try f.string("terminal")
            guide = try f.string("guide")
            lang = try f.string("lang")
            launchedBy = try f.string("launched_by")
            outcome = try f.string("outcome")
            communeCode = try f.string("commune_code", absent: "")
            sessions = try f.integer("sessions")
        }
    }

    /// A day's funnel counts of one step (kept when session rows are purged).
    struct DailyStep: Equatable {
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

        init(_ f: JSONFields) throws(JSONFields.Problem) {
            day = try f.string("day")
            terminal = try f.string("terminal")
            sessionGuide = try f.string("session_guide")
            guide = try f.string("guide")
            step = try f.string("step")
            communeCode = try f.string("commune_code", absent: "")
            reached = try f.integer("reached")
            leftDone = try f.integer("left_done")
            leftStaff = try f.integer("left_staff")
            leftLater = try f.integer("left_later")
            leftLost = try f.integer("left_lost")
        }
    }

    /// A commune's name and centre, by its official code (one line per commune the file counts).
    struct Commune: Equatable {
        let code: String
        let name: String
        let centre: String

        init(_ f: JSONFields) throws(JSONFields.Problem) {
            (code, name, centre) = (try f.string("code"), try f.string("name"), try f.string("centre"))
        }
    }

    /// A machine (as a hash) that uses a terminal id: two machines under one id are a configuration mistake to report.
    struct Terminal: Equatable {
        let terminal: String
        let machine: String

        init(_ f: JSONFields) throws(JSONFields.Problem) {
            (terminal, machine) = (try f.string("terminal"), try f.string("machine"))
        }
    }

    /// The id of a session purged at the source: its daily totals count it.
    struct Purged: Equatable {
        let id: String
        let day: String

        init(_ f: JSONFields) throws(JSONFields.Problem) {
            (id, day) = (try f.string("id"), try f.string("day"))
        }
    }
}
