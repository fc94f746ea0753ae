import Foundation
@testable import Guides
@testable import Telemetry
import Testing
@testable import Kiosk

/// The recorder keeps every event while the database is full or locked, and writes them when the fault clears.
@Suite struct TelemetryRecorderTests {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-recorder-\(UUID().uuidString).db").path

    func cleanUp() {
        for suffix in ["", "-wal", "-shm", ".status"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    func session(_ recorder: TelemetryRecorder, outcome: SessionOutcome = .done) {
        recorder.record([.started(guide: "khai-sinh", language: "vi", launchedBy: .volunteer)])
        recorder.record([.stepShown(guide: "khai-sinh", step: "chuan-bi", index: 1)])
        recorder.record([.helpAsked(guide: "khai-sinh", step: "chuan-bi")])
        recorder.record([.stepShown(guide: "kich-hoat-vneid", step: "tai-app", index: 2)])
        recorder.record([.back(guide: "kich-hoat-vneid", step: "tai-app")])
        recorder.record([.stepShown(guide: "khai-sinh", step: "giay-to", index: 2)])
        recorder.record([.ended(outcome: outcome, guide: "khai-sinh", step: "giay-to", stepGuide: "khai-sinh")])
    }

    func rows(_ query: String) throws -> [[SQLValue]] { try Database(path: path).query(query) }

    @Test func aSessionIsStoredWithItsCountsAndNothingElse() throws {
        defer { cleanUp() }
        let recorder = TelemetryRecorder(path: path, terminal: "tay-hoa-1")
        session(recorder, outcome: .quit)
        let row = try rows("SELECT terminal, guide, lang, launched_by, steps_seen, furthest_step, backs, helps, outcome, last_guide, last_step FROM session")
        #expect(row == [[.text("tay-hoa-1"), .text("khai-sinh"), .text("vi"), .text("volunteer"), .integer(3), .integer(2), .integer(1),
            .integer(1), .text("abandoned"), .text("khai-sinh"), .text("giay-to")]])
        #expect(try rows("SELECT COUNT(*) FROM step_event").first?.first?.int == 5)
        #expect(recorder.pending.isEmpty)
    }

    @Test func aFullDiskKeepsEventsInMemoryUntilThereIsRoom() throws {
        defer { cleanUp() }
        let recorder = TelemetryRecorder(path: path, terminal: "t1")
        session(recorder)
        let database = try #require(recorder.currentStore?.database)
        let pages = try database.query("PRAGMA page_count").first?.first?.int ?? 0
        try database.execute("PRAGMA max_page_count = \(pages)")
        for _ in 0..<30 { session(recorder) }
        #expect(!recorder.pending.isEmpty, "nothing failed: the simulated full disk did not bite")
        #expect(StatusFile.read(for: path)?.current.contains("the disk is full") == true)
        try database.execute("PRAGMA max_page_count = 1000000")
        session(recorder)
        #expect(recorder.pending.isEmpty)
        #expect(try rows("SELECT COUNT(*) FROM session WHERE outcome = 'done'").first?.first?.int == 32)
        #expect(StatusFile.read(for: path)?.current.hasPrefix("ok") == true)
    }

    @Test func aLockedDatabaseNeverBlocksTheCitizenForLong() throws {
        defer { cleanUp() }
        let recorder = TelemetryRecorder(path: path, terminal: "t1")
        let other = try Database(path: path)
        try other.execute("BEGIN EXCLUSIVE")
        let start = Date()
        session(recorder)
        #expect(Date().timeIntervalSince(start) < 3, "each event may wait at most the short busy timeout")
        #expect(!recorder.pending.isEmpty)
        try other.execute("COMMIT")
        session(recorder)
        #expect(recorder.pending.isEmpty)
        #expect(try rows("SELECT COUNT(*) FROM session").first?.first?.int == 2)
    }

    @Test func aCorruptFileIsMovedAsideAndAFreshOneStarted() throws {
        defer {
            cleanUp()
            let folder = (path as NSString).deletingLastPathComponent
            let name = (path as NSString).lastPathComponent
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where file.hasPrefix(name + ".corrupt-") {
                try? FileManager.default.removeItem(atPath: folder + "/" + file)
            }
        }
        // SQLite's header, then damage: what a kiosk database looks like after a disk fault.
        try (Data("SQLite format 3\u{0}".utf8) + Data(repeating: 0x41, count: 16384)).write(to: URL(fileURLWithPath: path))
        let recorder = TelemetryRecorder(path: path, terminal: "t1")
        session(recorder)
        #expect(recorder.pending.isEmpty)
        #expect(try rows("SELECT COUNT(*) FROM session").first?.first?.int == 1)
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(name + ".corrupt-") }
        #expect(aside.count == 1)
    }

    @Test func anUnwritablePlaceIsReportedAndGuidingGoesOn() throws {
        let blocker = path + ".file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        defer { try? FileManager.default.removeItem(atPath: blocker) }
        let recorder = TelemetryRecorder(path: blocker + "/kiosk.db", terminal: "t1")
        session(recorder)
        #expect(recorder.pending.count == 7)
        #expect(recorder.currentStore == nil)
    }

    @Test func helpAndEndOnTheOverviewAreNotPinnedToAStep() throws {
        defer { cleanUp() }
        let recorder = TelemetryRecorder(path: path, terminal: "t1")
        recorder.record([.started(guide: "khai-sinh", language: "vi", launchedBy: .citizen)])
        recorder.record([.stepShown(guide: "khai-sinh", step: "chuan-bi", index: 1)])
        recorder.record([.back(guide: "khai-sinh", step: "chuan-bi")])
        recorder.record([.helpAsked(guide: "khai-sinh", step: nil)])
        recorder.record([.ended(outcome: .quit, guide: "khai-sinh", step: nil, stepGuide: nil)])
        #expect(try rows("SELECT step, kind FROM step_event ORDER BY seq").last == [.text("overview"), .text("help")])
        #expect(try rows("SELECT last_guide, last_step, backs, helps FROM session") == [[.null, .null, .integer(1), .integer(1)]])
    }

    @Test func theLastStepOfAnInnerGuideKeepsItsOwnGuide() throws {
        defer { cleanUp() }
        let recorder = TelemetryRecorder(path: path, terminal: "t1")
        recorder.record([.started(guide: "khai-sinh", language: "vi", launchedBy: .citizen)])
        recorder.record([.stepShown(guide: "kich-hoat-vneid", step: "tai-app", index: 2)])
        recorder.record([.ended(outcome: .staff, guide: "khai-sinh", step: "tai-app", stepGuide: "kich-hoat-vneid")])
        #expect(try rows("SELECT last_guide, last_step FROM session") == [[.text("kich-hoat-vneid"), .text("tai-app")]])
    }

    /// A power cut leaves committed sessions in the WAL beside a main file that is then found damaged: the kiosk moves
    /// the main file aside *with* its WAL, so those sessions can still be recovered from the file set moved aside.
    @Test func aDamagedFileIsMovedAsideWithTheWALThatHoldsCommittedSessions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-wal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let live = folder + "/live.db", crashed = folder + "/kiosk.db"
        var log = SessionLog(terminal: "t1")
        let moment = SessionLog.Moment(day: "2026-11-25", hour: 9, milliseconds: 0)
        func session(_ store: SessionStore) throws -> String {
            let writes = log.fold(.started(guide: "khai-sinh", language: "vi", launchedBy: .citizen), at: moment)
                + log.fold(.ended(outcome: .done, lastGuide: nil, lastStep: nil), at: moment)
            for write in writes { try store.apply(write) }
            return writes[0].session
        }
        var recent: [String] = []
        do {
            let store = try SessionStore(path: live)
            for _ in 0..<200 { _ = try session(store) }
            try store.database.checkpoint()
            for _ in 0..<3 { recent.append(try session(store)) }
            // The power cut: the files as they are on disk while the kiosk runs, the three recent sessions in the WAL only.
            for suffix in ["", "-wal", "-shm"] { try FileManager.default.copyItem(atPath: live + suffix, toPath: crashed + suffix) }
            store.abandon()
        }
        #expect(try FileManager.default.attributesOfItem(atPath: crashed + "-wal")[.size] as? Int ?? 0 > 0)
        // Then the main file's header is damaged.
        let handle = try #require(FileHandle(forWritingAtPath: crashed))
        try handle.write(contentsOf: Data(repeating: 0x21, count: 16))
        try handle.close()

        let recorder = TelemetryRecorder(path: crashed, terminal: "t1")
        self.session(recorder)
        recorder.close()
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("kiosk.db.corrupt-") && !$0.contains("-wal") && !$0.contains("-shm") }
        let moved = folder + "/" + (try #require(aside.first))
        #expect(FileManager.default.fileExists(atPath: moved + "-wal"), "the WAL was not kept beside the damaged file")
        // Repairing the header (as `sqlite3 .recover` or staff would) gives back every committed session, the recent ones too.
        let repair = try #require(FileHandle(forWritingAtPath: moved))
        try repair.write(contentsOf: Data("SQLite format 3\u{0}".utf8))
        try repair.close()
        let recovered = try SessionStore(path: moved)
        #expect(try recovered.database.query("SELECT COUNT(*) FROM session").first?.first?.int == 203)
        for id in recent { #expect(try recovered.database.query("SELECT 1 FROM session WHERE id = ?", [.text(id)]).count == 1) }
        // And counting went on in a fresh file.
        #expect(try SessionStore(path: crashed).database.query("SELECT COUNT(*) FROM session").first?.first?.int == 1)
    }

    @Test func aRowTheSchemaRefusesIsReportedAndDoesNotHoldBackLaterSessions() throws {
        defer { cleanUp() }
        let recorder = TelemetryRecorder(path: path, terminal: "t1")
        // A language code the schema refuses (it allows 2 or 3 lowercase letters).
        recorder.record([.started(guide: "khai-sinh", language: "VIETNAMESE", launchedBy: .citizen)])
        recorder.record([.ended(outcome: .done, guide: "khai-sinh", step: nil, stepGuide: nil)])
        #expect(StatusFile.read(for: path)?.lastFault?.contains("refused by the database") == true)
        session(recorder)
        #expect(recorder.pending.isEmpty)
        #expect(try rows("SELECT COUNT(*) FROM session").first?.first?.int == 1)
    }

    /// The file replaced under an open session (a damaged one moved aside, a new one started): the session's row is
    /// made again in the new file, so its later steps and its end are not lost.
    @Test func anOpenSessionIsRecreatedWhenItsRowIsGone() throws {
        defer { cleanUp() }
        let recorder = TelemetryRecorder(path: path, terminal: "t1")
        recorder.record([.started(guide: "khai-sinh", language: "vi", launchedBy: .citizen)])
        recorder.record([.stepShown(guide: "khai-sinh", step: "chuan-bi", index: 1)])
        // What a new file holds for this session: nothing.
        try #require(recorder.currentStore).database.execute("DELETE FROM session")
        recorder.record([.stepShown(guide: "khai-sinh", step: "giay-to", index: 2)])
        recorder.record([.ended(outcome: .done, guide: "khai-sinh", step: "giay-to", stepGuide: "khai-sinh")])
        #expect(recorder.pending.isEmpty)
        #expect(try rows("SELECT outcome, furthest_step, last_step FROM session") == [[.text("done"), .integer(2), .text("giay-to")]])
        #expect(StatusFile.read(for: path)?.lastFault == nil, "nothing was reported as lost")
    }

    @Test func theStatusFileIsNeverSeenHalfWritten() throws {
        defer { cleanUp() }
        StatusFile.write(for: path, fault: nil)
        let writer = Thread {
            for index in 0..<300 { StatusFile.write(for: path, fault: index % 2 == 0 ? "fault \(index)" : nil) }
        }
        writer.start()
        var reads = 0
        while !writer.isFinished || reads < 300 {
            #expect(StatusFile.read(for: path) != nil, "a reader found the status file empty")
            reads += 1
        }
    }
}
