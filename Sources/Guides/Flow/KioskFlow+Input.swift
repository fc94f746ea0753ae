extension KioskFlow {
    /// Applies one input that happened at `now` (a monotonic clock in milliseconds) and says what to draw and record.
    public mutating func handle(_ input: FlowInput, at now: UInt64 = 0) -> FlowOutput {
        switch input {
        case .keystroke:
            touch(now)
            if overlay == .idleWarning {
                overlay = nil
                return output()
            }
            var output = self.output()
            output.redraw = false
            return output
        case .overlongLine:
            touch(now)
            if overlay == .idleWarning { overlay = nil }
            var output = self.output()
            output.notice = .lineTooLong
            return output
        case .line(let text):
            touch(now)
            // The input layers cut long lines; one that still arrives is not read either.
            if text.utf8.count > Self.maximumLineLength * 4 || text.count > Self.maximumLineLength {
                return handle(.overlongLine, at: now)
            }
            if PersonalDataGuard.check(text) != nil {
                if overlay == .idleWarning { overlay = nil }
                var output = self.output()
                output.notice = .personalDataDropped
                return output
            }
            switch overlay {
            case .idleWarning:
                // Someone is there: back to the screen under the question.
                overlay = nil
                return output()
            case .confirmLeave:
                overlay = nil
                if text.trimmingSpaces == "1" { return resetToWelcome(endingWith: .quit, at: now) }
                return output()
            case nil:
                return handleLine(text.trimmingSpaces.lowercased())
            }
        case .idleWarning:
            switch base {
            case .welcome, .thanks: return output()
            default:
                overlay = .idleWarning
                warnedAt = now
                return output()
            }
        case .idleTimeout:
            return resetToWelcome(endingWith: .idle, at: now)
        case .interrupt:
            touch(now)
            if case .welcome = base, overlay == nil { return output() }
            overlay = .confirmLeave
            return output()
        case .endOfInput:
            var output = resetToWelcome(endingWith: .quit, at: now)
            output.exit = true
            return output
        case .terminate:
            var output = resetToWelcome(endingWith: .terminate, at: now)
            output.exit = true
            return output
        }
    }

    /// Ends any open session with `input`, wipes the terminal and returns to the welcome screen.
    mutating func resetToWelcome(endingWith input: SessionInput, at now: UInt64) -> FlowOutput {
        var events: [SessionEvent] = []
        if var session = currentSession {
            events = session.handle(input).events
        }
        base = .welcome
        overlay = nil
        language = defaultLanguage
        lastActivity = now
        untouched = true
        var output = self.output()
        output.events = events
        output.resetTerminal = true
        return output
    }

    private mutating func handleLine(_ text: String) -> FlowOutput {
        switch base {
        case .welcome:
            // Only plain digits are a language number: `+2` is a volunteer starting guide 2, not English.
            let number = text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) ? Int(text) : nil
            if let number, (1...max(1, languages.count)).contains(number), number <= languages.count {
                language = languages[number - 1].code
                base = .menu
                return output()
            }
            // A small number that is no language is a mistake, not a menu choice the citizen never saw.
            if let number, number < 10, !library.citizenGuides.contains(where: { $0.code == text }) {
                var output = self.output()
                output.notice = .invalidChoice
                return output
            }
            // Any other key starts in the default language; words or a poster code typed here are acted on at once.
            language = defaultLanguage
            base = .menu
            return text.isEmpty ? output() : handleLine(text)
        case .menu, .results:
            return menuLine(text)
        case .session(var session):
            guard let input = sessionInput(text) else {
                var output = self.output()
                output.notice = .invalidChoice
                return output
            }
            let result = session.handle(input)
            if session.isEnded, case .ended(let outcome) = session.phase {
                base = .thanks(outcome)
            } else {
                base = .session(session)
            }
            var output = FlowOutput(view: view(), events: result.events)
            output.language = language
            if case .guide(var screen) = output.view {
                screen.notice = result.screen.notice
                output.view = .guide(screen)
            }
            output.volunteerSession = session.launchedBy == .volunteer
            return output
        case .thanks:
            return resetToWelcome(endingWith: .quit, at: lastActivity)
        }
    }

    /// The menu and search results: a number, a poster code, `+` for a volunteer, the back key, or words to search.
    private mutating func menuLine(_ text: String) -> FlowOutput {
        if text.isEmpty {
            return output()
        }
        if text == keys[.back] || text == keys[.quit] {
            if case .results = base {
                base = .menu
            } else {
                base = .welcome
            }
            return output()
        }
        var query = text
        var launchedBy = LaunchedBy.citizen
        if query.hasPrefix("+") {
            query = String(query.dropFirst().trimmingSpaces)
            launchedBy = .volunteer
            if query.isEmpty {
                var output = self.output()
                output.notice = .volunteerHowTo
                return output
            }
        }
        let listed: [Guide]
        if case .results(let hits) = base { listed = hits } else { listed = menuGuides }
        if let number = Int(query) {
            if (1...max(1, listed.count)).contains(number), number <= listed.count {
                return start(listed[number - 1], launchedBy: launchedBy)
            }
            if let guide = library.citizenGuides.first(where: { $0.code == query }) {
                return start(guide, launchedBy: launchedBy)
            }
        }
        let hits = search.search(query, limit: Self.resultCount).map(\.guide)
        if hits.isEmpty {
            var output = self.output()
            output.notice = .noMatch
            output.keepInHistory = true
            return output
        }
        if launchedBy == .volunteer, hits.count == 1, let only = hits.first {
            return start(only, launchedBy: .volunteer)
        }
        base = .results(hits)
        var output = self.output()
        output.keepInHistory = true
        return output
    }

    /// A guide-screen line as a session input: a choice number, or one of the legend letters.
    func sessionInput(_ text: String) -> SessionInput? {
        if text.isEmpty { return .repeat }
        if let number = Int(text) { return .choose(number) }
        // In the legend's fixed order, so a catalog that repeats a letter still behaves the same every time.
        for key in LegendKey.allCases where keys[key] == text {
            switch key {
            case .back: return .back
            case .repeat: return .repeat
            case .list: return .listSteps
            case .staff: return .callStaff
            case .quit: return .quit
            }
        }
        return nil
    }
}
