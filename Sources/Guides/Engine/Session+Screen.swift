extension Session {
    /// The screen for the current state.
    func screen() -> Screen {
        guard let guide = currentGuide else {
            return Screen(kind: .ended, guide: guideID, guideTitle: Line(key: guideID + ":title", text: guideID))
        }
        switch phase {
        case .overview:
            return overview(guide)
        case .step(let id):
            return stepScreen(guide, id)
        case .stepList:
            var screen = Screen(kind: .stepList, guide: guide.id, guideTitle: guide.title)
            let current = frames.last?.mainIndex ?? 0
            screen.steps = stepList(guide, current: current)
            screen.question = .stepListQuestion
            screen.keys = [.staff, .back]
            return screen
        case .endQuestion:
            var screen = Screen(kind: .endQuestion, guide: guide.id, guideTitle: guide.title)
            screen.question = .endQuestion
            screen.choices = [UIText.endDone, .endStaff, .endLater].enumerated().map {
                ScreenChoice(number: $0.offset + 1, label: .ui($0.element))
            }
            screen.keys = [.staff, .back]
            return screen
        case .ended(let outcome):
            var screen = Screen(kind: .ended, guide: guide.id, guideTitle: guide.title)
            screen.outcome = outcome
            screen.resumeCode = outcome == .done ? nil : resumeCode
            return screen
        }
    }

    private func overview(_ guide: Guide) -> Screen {
        var screen = Screen(kind: .overview, guide: guide.id, guideTitle: guide.title)
        screen.summary = guide.summary
        screen.bring = guide.bring
        screen.notHere = guide.notHere
        screen.fee = guide.fee
        screen.time = guide.time
        let required = guide.requires.compactMap { library.guide($0) }
        screen.requires = required.map(\.title)
        screen.requiredGuides = required.map(\.id)
        screen.steps = stepList(guide, current: 0)
        screen.question = .overviewQuestion
        screen.choices = [ScreenChoice(number: 1, label: .ui(.overviewReady)), ScreenChoice(number: 2, label: .ui(.overviewNotYet))]
        screen.keys = [.staff, .back, .quit]
        return screen
    }

    private func stepScreen(_ guide: Guide, _ id: String) -> Screen {
        var screen = Screen(kind: .step, guide: guide.id, guideTitle: guide.title)
        guard let step = guide.step(id) else { return screen }
        screen.title = step.title
        let path = guide.mainPath
        let index = frames.last?.mainIndex ?? 0
        if !path.isEmpty {
            screen.progress = Progress(index: max(1, min(index, path.count)), total: path.count, isBranch: !path.contains(id))
        }
        screen.body = step.body
        screen.warnings = step.warnings
        screen.check = step.check
        screen.choices = step.choices.enumerated().map { ScreenChoice(number: $0.offset + 1, label: .line($0.element.label)) }
        screen.keys = [.staff, .back, .repeat, .list, .quit]
        return screen
    }

    /// The main path as numbered rows, marking the current position and the steps already passed.
    private func stepList(_ guide: Guide, current: Int) -> [StepListItem] {
        guide.mainPath.enumerated().compactMap { offset, id in
            guide.step(id).map {
                StepListItem(number: offset + 1, title: $0.title, isCurrent: offset + 1 == current, isDone: offset + 1 < current)
            }
        }
    }
}
