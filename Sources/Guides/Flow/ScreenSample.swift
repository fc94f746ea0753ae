/// Every screen a guide can put on a terminal, for checking that each fits (`kiosk check`, the tests): the overview,
/// every step (branch steps too), the list of steps, the end question, and the farewells that list papers or a code.
public struct ScreenSample: Sendable {
    /// The step shown, if any (for the diagnostic's location).
    public let stepID: String?
    public let location: SourceLocation
    public let view: FlowView

    /// The samples of `guide` in `library`.
    public static func every(_ guide: Guide, in library: Library) -> [ScreenSample] {
        let whole = SourceLocation(path: guide.path, line: 1, column: 1)
        let (start, first) = Session.start(guide, language: "vi", launchedBy: .citizen, library: library)
        var samples = [ScreenSample(stepID: nil, location: whole, view: .guide(first.screen))]
        let path = guide.mainPath
        for step in guide.steps {
            var session = start
            session.phase = .step(step.id)
            // A branch step shows the number of the main step before it; the widest number is the last one.
            session.frames[0].mainIndex = path.firstIndex(of: step.id).map { $0 + 1 } ?? path.count
            samples.append(ScreenSample(stepID: step.id, location: step.location, view: .guide(session.screen())))
            if step.id == path.last {
                session.phase = .stepList(step.id)
                samples.append(ScreenSample(stepID: step.id, location: step.location, view: .guide(session.screen())))
                session.phase = .endQuestion
                samples.append(ScreenSample(stepID: step.id, location: step.location, view: .guide(session.screen())))
                for outcome in [SessionOutcome.later, .staff] {
                    var ended = session
                    ended.phase = .ended(outcome)
                    var farewell = Farewell(outcome: outcome)
                    farewell.guideTitle = guide.title
                    farewell.guide = guide.id
                    if outcome == .later { farewell.bring = guide.bring }
                    farewell.resumeCode = ended.resumeCode
                    farewell.progress = Progress(index: path.count, total: path.count)
                    samples.append(ScreenSample(stepID: nil, location: whole, view: .thanks(farewell)))
                }
            }
        }
        return samples
    }
}
