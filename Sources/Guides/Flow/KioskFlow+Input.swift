extension KioskFlow {
    /// Applies one input and says what to draw and record.
    public mutating func handle(_ input: FlowInput) -> FlowOutput {
        switch input {
        case .line(let text):
            if PersonalDataGuard.check(text) != nil {
                var output = self.output()
                output.notice = .personalDataDropped
                return output
            }
            return handleLine(text.trimmingSpaces.lowercased())
        case .idleWarning:
            switch phase {
            case .welcome, .idleWarning, .thanks: return output()
            default:
                phase = .idleWarning(phase)
                return output()
            }
        case .idleTimeout:
            return resetToWelcome(endingWith: .idle)
        case .interrupt:
            switch phase {
            case .welcome: return output()
            case .confirmLeave: return output()
            default:
                phase = .confirmLeave(phase)
                return output()
            }
        case .endOfInput:
            var output = resetToWelcome(endingWith: .quit)
            output.exit = true
            return output
        case .terminate:
            var output = resetToWelcome(endingWith: .terminate)
            output.exit = true
            return output
        }
    }

    /// Ends any open session with `input`, wipes the terminal and returns to the welcome screen.
    mutating func resetToWelcome(endingWith input: SessionInput) -> FlowOutput {
        var events: [SessionEvent] = []
        if var session = currentSession {
            events = session.handle(input).events
        }
        phase = .welcome
        language = defaultLanguage
        var output = self.output()
        output.events = events
        output.resetTerminal = true
        return output
    }

    private mutating func handleLine(_ text: String) -> FlowOutput {
        switch phase {
        case .welcome:
            if let number = Int(text), (1...max(1, languages.count)).contains(number), number <= languages.count {
                language = languages[number - 1].code
                phase = .menu
                return output()
            }
            // A small number that is no language is a mistake, not a menu choice the citizen never saw.
            if let number = Int(text), number < 10, !library.citizenGuides.contains(where: { $0.code == text }) {
                var output = self.output()
                output.notice = .invalidChoice
                return output
            }
            // Any other key starts in the default language; words or a poster code typed here are acted on at once.
            phase = .menu
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
                phase = .thanks(outcome)
            } else {
                phase = .session(session)
            }
            var output = FlowOutput(view: view(of: phase), events: result.events)
            output.language = language
            if case .guide(var screen) = output.view {
                screen.notice = result.screen.notice
                output.view = .guide(screen)
            }
            output.volunteerSession = session.launchedBy == .volunteer
            return output
        case .thanks:
            return resetToWelcome(endingWith: .quit)
        case .idleWarning(let previous):
            phase = previous
            return output()
        case .confirmLeave(let previous):
            if text == "1" { return resetToWelcome(endingWith: .quit) }
            phase = previous
            return output()
        }
    }

    /// The menu and search results: a number, a poster code, `+` for a volunteer, the back key, or words to search.
    private mutating func menuLine(_ text: String) -> FlowOutput {
        if text.isEmpty {
            return output()
        }
        if text == keys[.back] || text == keys[.quit] {
            if case .results = phase {
                phase = .menu
            } else {
                phase = .welcome
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
        if case .results(let hits) = phase { listed = hits } else { listed = menuGuides }
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
        phase = .results(hits)
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
