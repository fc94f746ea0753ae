import Testing
@testable import Telemetry

/// The one place where the engine's facts become rows: ids, sequence numbers and counts, with no clock and no file.
@Suite struct SessionLogTests {
    static let id = "0123456789abcdef0123456789abcdef"

    func log() -> SessionLog { SessionLog(terminal: "tay-hoa-1", newID: { SessionLogTests.id }) }

    func at(_ milliseconds: UInt64) -> SessionLog.Moment { SessionLog.Moment(day: "2026-11-25", hour: 9, milliseconds: milliseconds) }

    @Test func aSessionBecomesABeginStepsAndAnEndWithItsCounts() {
        var log = log()
        var writes = log.fold(.started(guide: "khai-sinh", language: "vi", launchedBy: .volunteer), at: at(1_000))
        writes += log.fold(.shown(guide: "khai-sinh", step: "chuan-bi", mainIndex: 1), at: at(2_000))
        writes += log.fold(.help(guide: "khai-sinh", step: "chuan-bi"), at: at(3_000))
        writes += log.fold(.shown(guide: "kich-hoat-vneid", step: "tai-app", mainIndex: 5), at: at(4_000))
        writes += log.fold(.back(guide: "kich-hoat-vneid", step: "tai-app"), at: at(5_000))
        writes += log.fold(.shown(guide: "khai-sinh", step: "chuan-bi", mainIndex: 1), at: at(6_000))
        writes += log.fold(.shown(guide: "khai-sinh", step: "giay-to", mainIndex: 2), at: at(7_000))
        writes += log.fold(.ended(outcome: .done, lastGuide: "khai-sinh", lastStep: "giay-to"), at: at(64_000))
        #expect(writes.first == .begin(SessionStart(id: Self.id, terminal: "tay-hoa-1", day: "2026-11-25", hour: 9, guide: "khai-sinh",
            language: "vi", launchedBy: .volunteer)))
        let steps = writes.compactMap { write -> (Int, String, StepKind)? in
            if case .step(_, let seq, _, let step, let kind, _) = write { return (seq, step, kind) }
            return nil
        }
        #expect(steps.map(\.0) == [1, 2, 3, 4, 5, 6])
        #expect(steps.map(\.2) == [.shown, .help, .shown, .back, .shown, .shown])
        guard case .end(_, let outcome, let seconds, let lastGuide, let lastStep, let counts)? = writes.last else {
            Issue.record("no end")
            return
        }
        #expect(outcome == .done && seconds == 63 && lastGuide == "khai-sinh" && lastStep == "giay-to")
        var expected = SessionCounts()
        // Three distinct steps; the furthest counts along the session's own guide only (5 was the inner guide's).
        (expected.stepsSeen, expected.furthestStep, expected.backs, expected.helps) = (3, 2, 1, 1)
        #expect(counts == expected)
        #expect(!log.isOpen)
    }

    @Test func helpAndAnEndOnTheOverviewAreNotPinnedToAStep() {
        var log = log()
        _ = log.fold(.started(guide: "khai-sinh", language: "vi", launchedBy: .citizen), at: at(0))
        let help = log.fold(.help(guide: "khai-sinh", step: nil), at: at(1))
        guard case .step(_, _, _, let step, .help, _)? = help.first else {
            Issue.record("no help event")
            return
        }
        #expect(step == "overview")
        let end = log.fold(.ended(outcome: .later, lastGuide: "khai-sinh", lastStep: nil), at: at(2))
        guard case .end(_, _, _, let lastGuide, let lastStep, _)? = end.first else {
            Issue.record("no end")
            return
        }
        #expect(lastGuide == nil && lastStep == nil)
    }

    @Test func factsWithoutAnOpenSessionWriteNothing() {
        var log = log()
        #expect(log.fold(.shown(guide: "g", step: "s", mainIndex: 1), at: at(0)).isEmpty)
        #expect(log.fold(.back(guide: "g", step: "s"), at: at(0)).isEmpty)
        #expect(log.fold(.ended(outcome: .timeout, lastGuide: nil, lastStep: nil), at: at(0)).isEmpty)
    }

    @Test func aNewSessionStartsItsCountsAfresh() {
        var log = log()
        _ = log.fold(.started(guide: "a", language: "vi", launchedBy: .citizen), at: at(0))
        _ = log.fold(.shown(guide: "a", step: "s", mainIndex: 3), at: at(0))
        _ = log.fold(.started(guide: "b", language: "en", launchedBy: .citizen), at: at(0))
        let shown = log.fold(.shown(guide: "b", step: "t", mainIndex: 1), at: at(0))
        guard case .step(_, let seq, _, _, _, let counts)? = shown.first else {
            Issue.record("no step")
            return
        }
        #expect(seq == 1 && counts.stepsSeen == 1 && counts.furthestStep == 1)
    }

    @Test func aRetriedWriteIsAlreadyWrittenOnlyOnAPrimaryKeyConflict() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        var log = log()
        let begin = log.fold(.started(guide: "khai-sinh", language: "vi", launchedBy: .citizen), at: at(0))
        try store.apply(begin[0])
        try store.apply(begin[0])   // the same write again, after a fault: already there
        // Another constraint (a language code the schema refuses) is a fault, never "already written".
        var other = SessionLog(terminal: "t1", newID: { "fedcba9876543210fedcba9876543210" })
        let refused = other.fold(.started(guide: "khai-sinh", language: "VIETNAMESE", launchedBy: .citizen), at: at(0))
        #expect(throws: SQLiteError.self) { try store.apply(refused[0]) }
        do {
            try store.apply(refused[0])
        } catch {
            #expect(error.isConstraint && !error.isPrimaryKeyConflict)
        }
        #expect(try store.database.query("SELECT COUNT(*) FROM session").first?.first?.int == 1)
    }
}
