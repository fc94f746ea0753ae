import Foundation
import Testing
@testable import Telemetry

/// The exchange format a province relies on: a header that says what the file is, step events by name, versions
/// read the documented way, and a file read in any chunking giving the same figures.
@Suite struct ExchangeFormatTests {
    let november = ReportPeriod(from: "2026-11-01", to: "2026-11-30")
    static let header = ExchangeHeader(kiosk: "0.3.0", communeCode: "99001", commune: "Xã \"Thử\" \\ Một, Hai",
        centre: "Trung tâm thử", from: "2026-11-01", to: "2026-11-30", exportedAt: "2026-12-02T08:30:00Z")

    func store(_ file: TemporaryDatabase) throws -> SessionStore {
        let store = try SessionStore(path: file.path)
        for _ in 0..<3 { try addSession(store, outcome: .done, steps: ["a", "b", "c"], commune: "99001") }
        try addSession(store, day: "2026-11-21", terminal: "t2", lang: "en", by: .volunteer, outcome: .staff, steps: ["a"], commune: "99001")
        try addSession(store, day: "2026-11-22", outcome: .abandoned, steps: [], commune: "99001")
        return store
    }

    func lines(_ store: SessionStore, header: ExchangeHeader = Self.header) throws -> [String] {
        var lines: [String] = []
        try store.export(november, header: header) { lines.append($0) }
        return lines
    }

    func object(_ line: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
    }

    @Test func theFirstLineSaysWhatTheFileIsAndEventsHaveNames() throws {
        let file = TemporaryDatabase()
        let exported = try lines(try store(file))
        let header = object(exported[0])
        #expect(header["type"] as? String == "header" && header["format"] as? String == "kiosk-statistics")
        #expect(header["version"] as? String == "2.0" && header["kiosk"] as? String == "0.3.0")
        #expect(header["commune_code"] as? String == "99001" && header["commune"] as? String == "Xã \"Thử\" \\ Một, Hai")
        #expect(header["from"] as? String == "2026-11-01" && header["to"] as? String == "2026-11-30")
        #expect(header["exported_at"] as? String == "2026-12-02T08:30:00Z")
        let sessions = exported.map(object).filter { $0["type"] as? String == "session" }
        #expect(sessions.count == 5)
        let events = sessions.compactMap { $0["events"] as? [[String: Any]] }.flatMap { $0 }
        #expect(events.count == 10)
        #expect(events.allSatisfy { Set($0.keys) == ["seq", "guide", "step", "kind"] && $0["kind"] as? String == "shown" })
        #expect(sessions.first { ($0["events"] as? [Any])?.isEmpty == true }?["last_step"] is NSNull)
        // The same lines as Foundation writes them, field for field: every line is valid JSON.
        #expect(exported.allSatisfy { !object($0).isEmpty })
    }

    @Test func anExportOfEveryDayHasNoPeriodInItsHeader() throws {
        let file = TemporaryDatabase()
        var header = Self.header
        (header.from, header.to) = (nil, nil)
        let first = object(try lines(try store(file), header: header)[0])
        #expect(first["from"] is NSNull && first["to"] is NSNull)
    }

    @Test func aFileOfANewerMajorVersionIsRefusedWithNothingImported() throws {
        let source = TemporaryDatabase()
        var exported = try lines(try store(source))
        exported[0] = exported[0].replacingOccurrences(of: #""version":"2.0""#, with: #""version":"3.0""#)
        let target = TemporaryDatabase()
        let merged = try SessionStore(path: target.path)
        do {
            _ = try merged.importLines(exported.joined(separator: "\n"), path: "new.jsonl")
            Issue.record("a file of version 3.0 was imported")
        } catch {
            #expect(error.description.hasPrefix("new.jsonl:1:1: error: this file is format version 3.0, written by a newer kiosk"),
                "\(error)")
        }
        #expect(try merged.database.query("SELECT count(*) FROM session").first?.first?.int == 0)
        // A header of something else, or without a version, is refused the same way.
        for bad in [#"{"type":"header","format":"other","version":"2.0"}"#, #"{"type":"header","format":"kiosk-statistics"}"#,
            #"{"type":"header","format":"kiosk-statistics","version":"two"}"#] {
            #expect(throws: ExchangeError.self) { try merged.importLines(bad, path: "h.jsonl") }
        }
    }

    @Test func aNewerMinorVersionMayAddLinesThatAreSkippedAndSaid() throws {
        let source = TemporaryDatabase()
        var exported = try lines(try store(source))
        exported[0] = exported[0].replacingOccurrences(of: #""version":"2.0""#, with: #""version":"2.4""#)
        exported.insert(#"{"type":"weather","day":"2026-11-20","sky":"clear"}"#, at: 3)
        // And a field this kiosk does not know, on a line it does.
        exported[4] = exported[4].replacingOccurrences(of: #"{"type":"session","#, with: #"{"type":"session","colour":"blue","#)
        let target = TemporaryDatabase()
        let summary = try SessionStore(path: target.path).importLines(exported.joined(separator: "\n"), path: "minor.jsonl")
        #expect(summary.skipped == 1 && summary.sessions == 5 && summary.version == ExchangeHeader.Version(major: 2, minor: 4))
        // In a version this kiosk knows, an unknown line is a damaged file.
        exported[0] = exported[0].replacingOccurrences(of: #""version":"2.4""#, with: #""version":"2.0""#)
        let other = TemporaryDatabase()
        #expect(throws: ExchangeError.self) {
            try SessionStore(path: other.path).importLines(exported.joined(separator: "\n"), path: "known.jsonl")
        }
    }

    /// A version 1 file (no header, events as `[seq, guide, step, kind]`) gives the figures its version 2 twin gives.
    @Test func aVersionOneFileReadsAsTheSameFigures() throws {
        let source = TemporaryDatabase()
        let exported = try lines(try store(source))
        let old = exported.dropFirst().map { line -> String in
            var text = line
            for match in text.matches(of: /\{"seq":(\d+),"guide":"([a-z0-9-]+)","step":"([a-z0-9.-]+)","kind":"([a-z]+)"\}/) {
                text = text.replacingOccurrences(of: String(match.0), with: "[\(match.1),\"\(match.2)\",\"\(match.3)\",\"\(match.4)\"]")
            }
            return text
        }
        #expect(old.joined().contains(#"[1,"khai-sinh","a","shown"]"#) && !old.joined().contains(#""seq""#))
        let (one, two) = (TemporaryDatabase(), TemporaryDatabase())
        let first = try SessionStore(path: one.path), second = try SessionStore(path: two.path)
        #expect(try first.importLines(old.joined(separator: "\n"), path: "v1.jsonl").version == ExchangeHeader.Version(major: 1, minor: 0))
        _ = try second.importLines(exported.joined(separator: "\n"), path: "v2.jsonl")
        let a = Reporter(store: first), b = Reporter(store: second)
        let (x, y) = (try a.report(november, by: [.guide, .lang, .outcome]), try b.report(november, by: [.guide, .lang, .outcome]))
        #expect(x.rows == y.rows && x.kpi == y.kpi && x.rows.count == 3)
        #expect(try a.funnel(guide: "khai-sinh", period: november) == b.funnel(guide: "khai-sinh", period: november))
        // Step a was reached by the three done and the one sent to staff; the overview by all five.
        let funnel = try a.funnel(guide: "khai-sinh", period: november)
        #expect(funnel.first { $0.step == "a" }?.reached == 4 && funnel.first { $0.isOverview }?.reached == 5, "\(funnel)")
    }

    /// However the reader cuts the file (a line across two reads, a CRLF split in half), the import is the same.
    @Test(arguments: [1, 2, 7, 64, 4096])
    func anyChunkingImportsTheSame(piece: Int) throws {
        let source = TemporaryDatabase()
        let text = try lines(try store(source)).joined(separator: "\r\n") + "\r\n"
        let target = TemporaryDatabase()
        let merged = try SessionStore(path: target.path)
        var rest = Array(text.utf8)[...]
        let summary = try merged.importStream(path: "pieces.jsonl", size: rest.count) { buffer in
            let count = min(piece, buffer.count, rest.count)
            buffer.copyBytes(from: rest.prefix(count))
            rest = rest.dropFirst(count)
            return count
        }
        #expect(summary.sessions == 5 && summary.duplicates == 0)
        #expect(try Reporter(store: merged).funnel(guide: "khai-sinh", period: november)
            == Reporter(store: SessionStore(path: source.path)).funnel(guide: "khai-sinh", period: november))
    }

    @Test func aFailedReadLeavesNothingOfTheFile() throws {
        let source = TemporaryDatabase()
        var rest = Array(try lines(try store(source)).joined(separator: "\n").utf8)[...]
        let target = TemporaryDatabase()
        let merged = try SessionStore(path: target.path)
        var reads = 0
        #expect(throws: ExchangeError.self) {
            try merged.importStream(path: "cut.jsonl") { buffer in
                reads += 1
                guard reads < 4 else { return -1 }
                let count = min(300, rest.count)
                buffer.copyBytes(from: rest.prefix(count))
                rest = rest.dropFirst(count)
                return count
            }
        }
        #expect(try merged.database.query("SELECT (SELECT count(*) FROM session) + (SELECT count(*) FROM commune)").first?.first?.int == 0)
    }

    @Test func progressIsCalledWithLinesAndBytes() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        var exported: [ExchangeProgress] = []
        try store.export(november, header: Self.header, progress: { exported.append($0) }) { _ in }
        #expect(exported.last == ExchangeProgress(lines: 1, done: 0, total: 0))
        let text = String(repeating: #"{"type":"commune","code":"99001","name":"Xã Thử","centre":""}"# + "\n", count: 45_000)
        var read: [ExchangeProgress] = []
        var rest = Array(text.utf8)[...]
        let size = rest.count
        _ = try store.importStream(path: "p.jsonl", size: size, progress: { read.append($0) }) { buffer in
            let count = min(buffer.count, rest.count)
            buffer.copyBytes(from: rest.prefix(count))
            rest = rest.dropFirst(count)
            return count
        }
        #expect(read.map(\.lines) == [20_000, 40_000, 45_000] && read.last?.done == size && read.allSatisfy { $0.total == size })
    }

    @Test func aTableAsCSVIsWhatCOPYReads() throws {
        let file = TemporaryDatabase()
        let store = try self.store(file)
        try store.register(Place(communeCode: "99001", commune: "Xã \"Thử\", Một", centre: "", machine: "00000000000000aa"), terminal: "t1")
        func csv(_ table: ExchangeTable) throws -> String {
            var bytes: [UInt8] = []
            try store.exportCSV(table, period: november) { bytes += $0 }
            return String(decoding: bytes, as: UTF8.self)
        }
        let sessions = try csv(.session).components(separatedBy: "\r\n")
        #expect(sessions.first == ExchangeTable.session.columns.joined(separator: ","))
        #expect(sessions.count == 7 && sessions.last == "", "a header, five rows, and a CRLF after the last")
        // The abandoned session had no step: its last guide and step are NULL, written as empty fields.
        #expect(sessions.contains { $0.hasSuffix(",abandoned,60,,,99001") }, "\(sessions)")
        #expect(try csv(.commune) == "code,name,centre\r\n99001,\"Xã \"\"Thử\"\", Một\",\"\"\r\n")
        #expect(try csv(.stepEvent).components(separatedBy: "\r\n").count == 12)
        #expect(try csv(.stepEvent).contains(",1,khai-sinh,a,shown,khai-sinh,2026-11-20\r\n"))
    }
}
