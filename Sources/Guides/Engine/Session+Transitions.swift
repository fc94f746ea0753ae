extension Session {
    /// Applies one input: the new state is `self`, the result says what to draw and record.
    mutating func handle(_ input: SessionInput) -> SessionOutput {
        var events: [SessionEvent] = []
        var notice: Notice?
        if isEnded { return SessionOutput(screen: screen(), events: []) }
        switch input {
        case .idle:
            end(.timeout, &events)
        case .terminate:
            end(.interrupted, &events)
        case .quit:
            end(.quit, &events)
        case .repeat:
            if case .step = phase { notice = .shownAgain }
            // Enter in the list of steps returns to the step being done.
            if case .stepList(let id) = phase { phase = .step(id) }
        case .callStaff:
            // The flow says whether the call reached anyone; the session only counts that help was asked.
            events.append(.helpAsked(guide: frames.last?.guideID ?? guideID, step: currentStepID))
        case .listSteps:
            if case .step(let id) = phase { phase = .stepList(id) }
        case .back:
            notice = goBack(&events)
        case .choose(let number):
            notice = choose(number, &events)
        }
        var shown = screen()
        if shown.notice == nil { shown.notice = notice }
        return SessionOutput(screen: shown, events: events)
    }

    private mutating func end(_ outcome: SessionOutcome, _ events: inout [SessionEvent]) {
        let last = lastStep
        events.append(.ended(outcome: outcome, guide: guideID, step: last?.step, stepGuide: last?.guide))
        phase = .ended(outcome)
    }

    /// The last step the citizen saw and its guide, for telemetry (the furthest step is derived from step events).
    var lastStep: (guide: String, step: String)? {
        if let id = currentStepID { return (frames.last?.guideID ?? guideID, id) }
        for position in history.reversed() {
            if case .step(let id) = position.phase { return (position.frames.last?.guideID ?? guideID, id) }
        }
        return nil
    }

    private mutating func goBack(_ events: inout [SessionEvent]) -> Notice? {
        if case .stepList(let id) = phase {
            phase = .step(id)
            return nil
        }
        guard let previous = history.popLast() else {
            return .firstScreen
        }
        if case .step(let id) = phase { events.append(.back(guide: frames.last?.guideID ?? guideID, step: id)) }
        if case .endQuestion = phase, case .step(let id) = previous.phase {
            // Back from "did you do it yourself?" to the last step is a back too.
            events.append(.back(guide: previous.frames.last?.guideID ?? guideID, step: id))
        }
        phase = previous.phase
        frames = previous.frames
        if case .step(let id) = phase { recordShown(id, &events) }
        return nil
    }

    private mutating func choose(_ number: Int, _ events: inout [SessionEvent]) -> Notice? {
        switch phase {
        case .overview:
            switch number {
            case 1:
                guard let first = currentGuide?.steps.first else { return .invalidChoice }
                moveTo(.step(first.id), &events)
            case 2:
                end(.later, &events)
            default:
                return .invalidChoice
            }
        case .stepList(let id):
            return jump(to: number, from: id, &events)
        case .endQuestion:
            let outcomes: [SessionOutcome] = [.done, .staff, .later]
            guard (1...outcomes.count).contains(number) else { return .invalidChoice }
            end(outcomes[number - 1], &events)
        case .step(let id):
            guard let step = currentGuide?.step(id), (1...max(1, step.choices.count)).contains(number),
                number <= step.choices.count
            else { return .invalidChoice }
            return follow(step.choices[number - 1].target, from: id, &events)
        case .ended:
            break
        }
        return nil
    }

    /// Moves along a choice's target; returns a notice when coming back from an inner guide.
    private mutating func follow(_ target: Target, from stepID: String, _ events: inout [SessionEvent]) -> Notice? {
        switch target {
        case .step(let next):
            moveTo(.step(next), &events)
        case .guide(let id):
            guard let inner = library.guide(id), let first = inner.steps.first else { return .invalidChoice }
            history.append(Position(phase: phase, frames: frames))
            frames.append(Frame(guideID: id, returnStep: stepID, mainIndex: 0))
            phase = .step(first.id)
            recordShown(first.id, &events)
        case .end(.done) where frames.count > 1:
            guard let returnStep = frames.last?.returnStep else { return nil }
            history.append(Position(phase: phase, frames: frames))
            frames.removeLast()
            phase = .step(returnStep)
            recordShown(returnStep, &events)
            return .returnedFromGuide
        case .end(.done):
            history.append(Position(phase: phase, frames: frames))
            phase = .endQuestion
        case .end(let kind):
            end(kind == .staff ? .staff : .later, &events)
        }
        return nil
    }

    /// From the list of steps: the current step's number returns to it, an earlier one goes back there.
    private mutating func jump(to number: Int, from id: String, _ events: inout [SessionEvent]) -> Notice? {
        guard let guide = currentGuide else { return .invalidChoice }
        let path = guide.mainPath
        let current = frames.last?.mainIndex ?? 0
        guard path.indices.contains(number - 1) else { return .invalidChoice }
        if number > current { return .stepNotReached }
        if number == current && path[number - 1] == id {
            phase = .step(id)
            return nil
        }
        events.append(.back(guide: guide.id, step: id))
        // Like pressing back until that step: the later path is forgotten, so back from there goes further back,
        // never forward again. (A step never shown in this session, after a resume, is simply opened.)
        let target = Phase.step(path[number - 1])
        if let index = history.lastIndex(where: { $0.phase == target && $0.frames.count == frames.count
            && $0.frames.last?.guideID == frames.last?.guideID }) {
            frames = history[index].frames
            history.removeSubrange(index...)
        } else {
            history.append(Position(phase: .step(id), frames: frames))
        }
        phase = target
        recordShown(path[number - 1], &events)
        return nil
    }

    private mutating func moveTo(_ next: Phase, _ events: inout [SessionEvent]) {
        history.append(Position(phase: phase, frames: frames))
        phase = next
        if case .step(let id) = next { recordShown(id, &events) }
    }

    /// Records a shown step and remembers its main-path position.
    mutating func recordShown(_ id: String, _ events: inout [SessionEvent]) {
        guard let guide = currentGuide, !frames.isEmpty else { return }
        let index = guide.mainPath.firstIndex(of: id).map { $0 + 1 }
        if let index { frames[frames.count - 1].mainIndex = index }
        events.append(.stepShown(guide: guide.id, step: id, index: index))
    }
}
