/// Every field of an import line checked against what the statistics allow, before anything is written: the same
/// rules as the schema's `CHECK` constraints, and bounds on counts a province can really produce, so sums in reports
/// never overflow. Messages name the field, never its value.
extension ExchangeLine {
    /// The most sessions one daily line may count (one terminal, one hour, one guide: far above any real centre).
    static let maximumDailySessions = 100_000
    /// The most steps, backs or helps one session may count, and the most step events it may carry.
    static let maximumSessionCount = 10_000
    /// The longest session recorded, in seconds (the idle reset ends every session long before).
    static let maximumDuration = 86_400

    static let outcomes: Set<String> = ["done", "staff", "later", "abandoned", "timeout", "interrupted"]

    static func isSessionID(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func isTerminal(_ text: String) -> Bool {
        (1...40).contains(text.utf8.count) && text.utf8.allSatisfy {
            (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D || $0 == 0x5F
        }
    }

    static func isGuide(_ text: String) -> Bool {
        (1...60).contains(text.utf8.count) && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D }
    }

    static func isStep(_ text: String) -> Bool {
        (1...130).contains(text.utf8.count)
            && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D || $0 == 0x2E }
    }

    static func isLanguage(_ text: String) -> Bool {
        (2...3).contains(text.utf8.count) && text.utf8.allSatisfy { (0x61...0x7A).contains($0) }
    }

    /// `YYYY-MM-DD`, a day that exists.
    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// Text from an import line, quotable in an error: controls and line breaks written as `\u{1B}`, at most 20 characters.
    static func escape(_ text: String) -> String {
        var out = ""
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == 20 { return out + "…" }
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || (0x2028...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                || value == 0x200E || value == 0x200F || value == 0xFEFF {
                out += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The first rule a list of checks breaks.
    static func first(_ checks: [(Bool, String)]) -> String? { checks.first { !$0.0 }?.1 }
}

extension ExchangeLine.Session {
    /// Why this session line cannot be imported, or nil.
    func problem() -> String? {
        typealias L = ExchangeLine
        let counts = 0...L.maximumSessionCount
        return L.first([
            (L.isSessionID(id), "\"id\" must be 32 lowercase hexadecimal digits"),
            (L.isTerminal(terminal), "\"terminal\" must be 1 to 40 letters, digits, - or _"),
            (L.isDay(day), "\"day\" must be a date written YYYY-MM-DD"),
            ((0...23).contains(hour), "\"hour\" must be 0 to 23"),
            (L.isGuide(guide), "\"guide\" must be a guide id (a-z, 0-9 and -, at most 60)"),
            (L.isLanguage(lang), "\"lang\" must be a language code of 2 or 3 lowercase letters"),
            (launchedBy == "self" || launchedBy == "volunteer", "\"launched_by\" must be self or volunteer"),
            (counts.contains(stepsSeen) && counts.contains(furthestStep) && counts.contains(backs) && counts.contains(helps),
                "the counts must be 0 to \(L.maximumSessionCount)"),
            (L.outcomes.contains(outcome), "\"outcome\" must be done, staff, later, abandoned, timeout or interrupted"),
            (duration.map { (0...L.maximumDuration).contains($0) && $0 % 10 == 0 } ?? true,
                "\"duration\" must be a multiple of 10 seconds, at most \(L.maximumDuration)"),
            (lastGuide.map(L.isGuide) ?? true, "\"last_guide\" must be a guide id or null"),
            (lastStep.map(L.isStep) ?? true, "\"last_step\" must be a step id or null"),
            (communeCode.isEmpty || Place.isCommuneCode(communeCode), "\"commune_code\" must be five digits or empty"),
            (events.count <= L.maximumSessionCount, "a session carries at most \(L.maximumSessionCount) step events"),
            (events.allSatisfy { counts.contains($0.seq) && L.isGuide($0.guide) && L.isStep($0.step)
                && ["shown", "back", "help"].contains($0.kind) }, "a step event is not {seq, guide id, step id, kind shown|back|help}"),
            (Set(events.map(\.seq)).count == events.count, "two step events have the same seq"),
        ])
    }
}

extension ExchangeLine.Daily {
    /// Why this daily line cannot be imported, or nil.
    func problem() -> String? {
        typealias L = ExchangeLine
        return L.first([
            (L.isDay(day), "\"day\" must be a date written YYYY-MM-DD"),
            ((0...23).contains(hour), "\"hour\" must be 0 to 23"),
            (L.isTerminal(terminal), "\"terminal\" must be 1 to 40 letters, digits, - or _"),
            (L.isGuide(guide), "\"guide\" must be a guide id (a-z, 0-9 and -, at most 60)"),
            (L.isLanguage(lang), "\"lang\" must be a language code of 2 or 3 lowercase letters"),
            (launchedBy == "self" || launchedBy == "volunteer", "\"launched_by\" must be self or volunteer"),
            (L.outcomes.contains(outcome), "\"outcome\" must be done, staff, later, abandoned, timeout or interrupted"),
            (communeCode.isEmpty || Place.isCommuneCode(communeCode), "\"commune_code\" must be five digits or empty"),
            ((1...L.maximumDailySessions).contains(sessions), "\"sessions\" must be 1 to \(L.maximumDailySessions)"),
        ])
    }
}

extension ExchangeLine.DailyStep {
    /// Why this daily step line cannot be imported, or nil.
    func problem() -> String? {
        typealias L = ExchangeLine
        let counts = 0...L.maximumDailySessions
        return L.first([
            (L.isDay(day), "\"day\" must be a date written YYYY-MM-DD"),
            (L.isTerminal(terminal), "\"terminal\" must be 1 to 40 letters, digits, - or _"),
            (L.isGuide(sessionGuide) && L.isGuide(guide), "\"session_guide\" and \"guide\" must be guide ids"),
            (step.isEmpty || L.isStep(step), "\"step\" must be a step id (a-z, 0-9, - and ., at most 130) or \"\" for the overview"),
            (communeCode.isEmpty || Place.isCommuneCode(communeCode), "\"commune_code\" must be five digits or empty"),
            ([reached, leftDone, leftStaff, leftLater, leftLost].allSatisfy(counts.contains), "the counts must be 0 to \(L.maximumDailySessions)"),
        ])
    }
}

extension ExchangeLine.Purged {
    /// Why this purge marker cannot be imported, or nil.
    func problem() -> String? {
        ExchangeLine.first([
            (ExchangeLine.isSessionID(id), "\"id\" must be 32 lowercase hexadecimal digits"),
            (ExchangeLine.isDay(day), "\"day\" must be a date written YYYY-MM-DD"),
        ])
    }
}

extension ExchangeLine.Commune {
    /// Why this commune line cannot be imported, or nil.
    func problem() -> String? {
        ExchangeLine.first([
            (Place.isCommuneCode(code), "\"code\" must be five digits"),
            (!name.isEmpty && Place.isName(name), "\"name\" must be a name of 1 to 100 characters"),
            (Place.isName(centre), "\"centre\" must be a name of at most 100 characters"),
        ])
    }
}

extension ExchangeLine.Terminal {
    /// Why this terminal line cannot be imported, or nil.
    func problem() -> String? {
        ExchangeLine.first([
            (ExchangeLine.isTerminal(terminal), "\"terminal\" must be 1 to 40 letters, digits, - or _"),
            (Place.isMachine(machine), "\"machine\" must be 16 lowercase hexadecimal digits"),
        ])
    }
}
