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
            // `+` alone listens: the screen stays (the question under an idle warning goes, since someone is there)
            // and the terminal plays its recordings. On the menu of a kiosk without any recording it keeps its old
            // meaning, a reminder for volunteers of how to launch a guide (`+21`); with recordings, a citizen who
            // presses the key the legend offers is never told about volunteer sessions.
            if LegendKey(symbol: String(text.trimmingSpaces)) == .listen, voices || overlay != nil || !isOnMenu {
                let warned = overlay == .idleWarning
                overlay = warned ? nil : overlay
                var output = self.output()
                output.redraw = warned
                output.listen = true
                return output
            }
            switch overlay {
            case .idleWarning:
                // Someone is there: back to the screen under the question.
                overlay = nil
                return output()
            case .confirmLeave:
                overlay = nil
                if text.trimmingSpaces == "1" { return leave(at: now) }
                // The staff key calls staff here too (and the citizen stays).
                if LegendKey(symbol: String(text.trimmingSpaces)) == .staff { return handleLine(LegendKey.staff.symbol, at: now) }
                return output()
            case nil:
                return handleLine(text.trimmingSpaces.lowercased(), at: now)
            }
        case .idleWarning:
            switch base {
            case .welcome where call == nil, .thanks: return output()
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
        case .staffCallAnswered:
            // Staff are on their way: the screen no longer waits long, and a "needs staff" summary becomes an
            // ordinary farewell that Enter clears.
            guard call != nil else { return output() }
            call = nil
            touch(now)
            return output()
        case .staffCallResult(let delivered):
            guard callPending else { return output() }
            callPending = false
            touch(now)
            // A second press updates the call already open (where the citizen is now); it stays delivered.
            call = OpenCall(since: call?.since ?? now, delivered: delivered || call?.delivered == true)
            var output = self.output()
            output.notice = delivered ? .staffCalled : .staffNotReached
            return output
        }
    }

    /// Ends any open session with `input`, wipes the terminal and returns to the welcome screen.
    mutating func resetToWelcome(endingWith input: SessionInput, at now: UInt64, callEnd: StaffCallEnd = .left) -> FlowOutput {
        var events: [SessionEvent] = []
        if var session = currentSession {
            events = announced(session.handle(input).events)
        }
        pendingStart = nil
        let hadCall = call != nil
        base = .welcome
        overlay = nil
        language = defaultLanguage
        lastActivity = now
        untouched = true
        call = nil
        callPending = false
        var output = self.output()
        output.events = events
        output.resetTerminal = true
        if hadCall { output.callEnded = callEnd }
        return output
    }

    /// "Yes, stop" to the leave question: a session ends on its farewell (with its resume code), anything else resets.
    private mutating func leave(at now: UInt64) -> FlowOutput {
        guard var session = currentSession else { return resetToWelcome(endingWith: .quit, at: now) }
        let place = staffRequest(session)
        let result = session.handle(.quit)
        // An open call stays open on the farewell (it says so): the citizen may still be waiting for staff.
        base = .thanks(farewell(session, .quit, place: place))
        var output = self.output()
        output.events = announced(result.events)
        return output
    }

    private mutating func handleLine(_ text: String, at now: UInt64) -> FlowOutput {
        if case .thanks(let farewell) = base {
            // A "needs staff" summary stays for staff: only staff, once they are there, clear it with the staff key
            // typed twice (`00`), so a waiting citizen who presses `0` again does not close the call.
            if farewell.outcome == .staff, call != nil {
                if text == Self.staffAnswer { return resetToWelcome(endingWith: .quit, at: now, callEnd: .answered) }
                var output = self.output()
                if LegendKey(symbol: text) == .staff { output.notice = call?.delivered == true ? .staffCalled : .staffNotReached }
                return output
            }
            // The staff key on any other farewell calls staff and keeps the screen (its code and papers with it).
            if LegendKey(symbol: text) == .staff { return requestStaff(at: farewell.place) }
            return resetToWelcome(endingWith: .quit, at: now)
        }
        if LegendKey(symbol: text) == .staff { return requestStaff(at: nil) }
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
            return text.isEmpty ? output() : handleLine(text, at: now)
        case .menu, .results:
            return menuLine(text)
        case .session(var session):
            let key = LegendKey(symbol: text)
            if key == .back, session.isOnOverview { return leaveOverview(session) }
            if key == .quit {
                overlay = .confirmLeave
                return output()
            }
            guard let input = sessionInput(text) else {
                var output = self.output()
                output.notice = .invalidChoice
                return output
            }
            // Where the citizen is, taken before the input: an ended session no longer has a step on screen.
            let place = staffRequest(session)
            let result = session.handle(input)
            var request: StaffCallRequest?
            if session.isEnded, case .ended(let outcome) = session.phase {
                base = .thanks(farewell(session, outcome, place: place))
                // "I need staff" calls staff (or moves the open call to where the citizen got to). Any other end keeps
                // an open call on the farewell, which ends it when it is cleared.
                if outcome == .staff {
                    request = place
                    callPending = true
                }
            } else {
                base = .session(session)
            }
            var output = self.output()
            output.events = announced(result.events)
            output.staffCall = request
            if case .guide(var screen) = output.view {
                screen.notice = result.screen.notice
                output.view = .guide(screen)
            }
            return output
        case .thanks:
            return resetToWelcome(endingWith: .quit, at: lastActivity)
        }
    }

    /// `events` of the session, after its held-back `started` event if they are its first.
    private mutating func announced(_ events: [SessionEvent]) -> [SessionEvent] {
        guard let start = pendingStart, !events.isEmpty else { return events }
        pendingStart = nil
        return [start] + events
    }

    /// What staff type at a "needs staff" summary once they have come: the staff key twice.
    static let staffAnswer = LegendKey.staff.symbol + LegendKey.staff.symbol

    /// The staff key: count the help asked for and ask the terminal to place the call, unless one is already open.
    private mutating func requestStaff(at place: StaffCallRequest?) -> FlowOutput {
        var events: [SessionEvent] = []
        var request = place ?? StaffCallRequest(guide: nil, step: nil, stepIndex: nil)
        if var session = currentSession {
            events = announced(session.handle(.callStaff).events)
            request = staffRequest(session)
            base = .session(session)
        }
        // Always placed: a second press rings again and moves the open call to where the citizen is now.
        var output = self.output()
        output.events = events
        callPending = true
        output.staffCall = request
        return output
    }

    /// Where the citizen is, for the board.
    private func staffRequest(_ session: Session) -> StaffCallRequest {
        let last = session.lastStep
        let guide = last.flatMap { library.guide($0.guide) } ?? session.currentGuide
        let step = last?.step
        let index = step.flatMap { guide?.mainPath.firstIndex(of: $0) }.map { $0 + 1 }
        return StaffCallRequest(guide: guide?.id ?? session.guideID, step: step, stepIndex: index)
    }

    /// Back from a guide's overview: to the results or the menu it was opened from. A session that recorded
    /// nothing yet (the wrong guide, seen and left) is dropped; one that did ends as left.
    private mutating func leaveOverview(_ session: Session) -> FlowOutput {
        var session = session
        let events = pendingStart == nil ? session.handle(.quit).events : []
        pendingStart = nil
        base = origin
        var output = self.output()
        output.events = events
        output.sessionClosed = true
        return output
    }

    /// What the citizen takes away from a session that ended with `outcome`.
    func farewell(_ session: Session, _ outcome: SessionOutcome, place: StaffCallRequest) -> Farewell {
        var farewell = Farewell(outcome: outcome)
        guard let guide = session.currentGuide else { return farewell }
        farewell.guideTitle = guide.title
        farewell.guide = guide.id
        if outcome == .later {
            let started = library.guide(session.guideID) ?? guide
            farewell.bring = started.bring
            farewell.bringGuide = started.id
        }
        if outcome != .done { farewell.resumeCode = session.resumeCode }
        let index = session.frames.last?.mainIndex ?? 0
        let total = guide.mainPath.count
        if index > 0, total > 0 { farewell.progress = Progress(index: min(index, total), total: total) }
        farewell.place = place
        return farewell
    }

    /// A guide-screen line as a session input: a choice number, or one of the legend keys.
    func sessionInput(_ text: String) -> SessionInput? {
        if text.isEmpty { return .repeat }
        if let number = Int(text), number > 0, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return .choose(number) }
        switch LegendKey(symbol: text) {
        case .back: return .back
        case .repeat: return .repeat
        case .list: return .listSteps
        case .staff: return .callStaff
        case .quit: return .quit
        case .listen, nil: return nil
        }
    }
}
