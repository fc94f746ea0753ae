@testable import Guides
import Testing

/// Plays every shipped guide exhaustively: every choice at every state, and back at every step.
@Suite struct PlayThroughTests {
    static let shipped = Library.load(directory: repositoryRoot + "/guides", options: Library.Options(today: Day("2026-11-25")!))

    /// A state as the citizen experiences it (history aside).
    struct State: Hashable {
        let phase: Session.Phase
        let frames: [Session.Frame]
    }

    @Test func theShippedLibraryHasNoErrors() {
        #expect(Self.shipped.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        #expect(Self.shipped.guides.count >= 3)
    }

    @Test(arguments: shipped.guides.map(\.id))
    func everyPathReachesAnEnd(guideID: String) throws {
        let guide = try #require(Self.shipped.guide(guideID))
        let (start, _) = Session.start(guide, language: "vi", launchedBy: .citizen, library: Self.shipped)
        var queue = [start]
        var seen: Set<State> = [State(phase: start.phase, frames: start.frames)]
        var outcomes = Set<SessionOutcome>()
        var stepsSeen = Set<String>()
        var transitions = 0
        while let session = queue.popLast() {
            let screen = session.screen()
            if case .ended(let outcome) = session.phase {
                outcomes.insert(outcome)
                continue
            }
            #expect(!screen.choices.isEmpty, "no choices on \(session.phase) in \(guideID)")
            if session.frames.count == 1, let id = session.currentStepID { stepsSeen.insert(id) }
            if case .step = session.phase, !session.history.isEmpty {
                var back = session
                let output = back.handle(.back)
                #expect(output.screen.notice == nil, "back failed at \(session.phase) in \(guideID)")
                var forward = back
                let restored = forward.handle(.repeat).screen
                #expect(restored.kind != .ended)
            }
            for choice in screen.choices {
                var next = session
                let output = next.handle(.choose(choice.number))
                transitions += 1
                #expect(output.screen.notice != .invalidChoice, "choice \(choice.number) refused at \(session.phase) in \(guideID)")
                if seen.insert(State(phase: next.phase, frames: next.frames)).inserted { queue.append(next) }
            }
        }
        let ownSteps = Set(guide.steps.map(\.id))
        #expect(stepsSeen == ownSteps, "steps never shown: \(ownSteps.subtracting(stepsSeen).sorted())")
        var expected: Set<SessionOutcome> = [.later]
        for end in guide.steps.flatMap(\.choices).compactMap({ if case .end(let kind) = $0.target { kind } else { nil } }) {
            switch end {
            case .done: expected.formUnion([.done, .staff, .later])
            case .staff: expected.insert(.staff)
            case .later: expected.insert(.later)
            }
        }
        #expect(outcomes == expected)
        // A guide whose later screens are not sourced may end with staff on purpose (ly-lich-tu-phap, dak-lak-so);
        // every end its author wrote must be reachable, and nothing else.
        #expect(transitions > guide.steps.count)
    }
}
