import Foundation
import Guides
import Telemetry

#if canImport(Glibc)
import Glibc
#endif

// `kiosk-bench`: the measurements behind `make bench`, printed as ratios against a baseline run in the same command.
//
//   kiosk-bench generate DIR GUIDES STEPS [FROM]  write a synthetic library (GUIDES guides × STEPS steps), its
//                                             instructions drawn from the guides in FROM when given
//   kiosk-bench compare RUNS -- A… -- B…      run A and B alternately; median wall time and peak RSS, ratio A/B
//   kiosk-bench rate COUNT LABEL -- A…        one warmed run of A: time, peak RSS and COUNT/time
//   kiosk-bench redraw RUNS N KIOSK…         the cost of one guide screen: N repeats of a step against none
//   kiosk-bench search DIR COUNT LOCALES      index DIR's library (vi and en), then COUNT searches of each kind
//   kiosk-bench recordings LOCALES GUIDES OUT COUNT [VI]  a copy of LOCALES with COUNT made-up recordings (silence)
//   kiosk-bench listen RUNS PLAYER MARKER -- KIOSK…  the listen key to the player running, against the player alone

/// One line on stdout with a single unbuffered write (a SIGKILL may come at any moment).
func say(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { _ = write(1, $0.baseAddress, $0.count) }
}

/// Wall time (seconds) and peak resident memory (KiB) of one child process.
struct Measurement {
    let seconds: Double
    let maxRSSKiB: Int
}

/// Runs `argv` with stdout and stderr sent to /dev/null and measures it with wait4.
func measure(_ argv: [String], stdin: String?) -> Measurement? {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    if let stdin { posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0) }
    let cArgs = argv.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) } }
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawnp(&pid, argv[0], &actions, nil, cArgs, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return Measurement(seconds: elapsed, maxRSSKiB: usage.ru_maxrss)
}

/// Seconds from spawning `argv` (stdin from /dev/null) until its first byte of output.
func timeToFirstOutput(_ argv: [String]) -> Double? {
    var pipeEnds: [Int32] = [-1, -1]
    guard pipe(&pipeEnds) == 0 else { return nil }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    let cArgs = argv.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) } }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawnp(&pid, argv[0], &actions, nil, cArgs, environ) == 0 else { return nil }
    close(pipeEnds[1])
    var buffer = [UInt8](repeating: 0, count: 65536)
    var first: Double?
    while true {
        let count = read(pipeEnds[0], &buffer, buffer.count)
        if count > 0, first == nil { first = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        if count <= 0 { break }
    }
    close(pipeEnds[0])
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return first
}

/// Runs `script` in the sqlite3 shell on `path`; false when it fails.
func runSQLite(_ path: String, _ script: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path]
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    do { try process.run() } catch { return false }
    input.fileHandleForWriting.write(Data(script.utf8))
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    return process.terminationStatus == 0
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// Step sentences of the guides in `directory` (their instruction lines), so a generated library reads like a real one.
func sentences(from directory: String?) -> [String] {
    guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
    return names.filter { $0.hasSuffix(".guide") }.sorted().flatMap { name -> [String] in
        let text = (try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("  !") && !$0.hasPrefix("  ?") && !$0.hasPrefix("  -") }
            .map { String($0.dropFirst(2)) }
    }
}

func generate(directory: String, guides: Int, steps: Int, sentencesFrom: String? = nil) throws {
    let real = sentences(from: sentencesFrom)
    try FileManager.default.createDirectory(atPath: directory + "/shared", withIntermediateDirectories: true)
    let words = ["đăng", "ký", "khai", "sinh", "thường", "trú", "tạm", "hồ", "sơ", "lệ", "phí", "căn", "cước", "điện", "thoại",
        "kết", "hôn", "tư", "pháp", "bảo", "hiểm", "y", "tế", "giấy", "tờ", "chứng", "thực", "mã", "tra", "cứu"]
    for g in 0..<guides {
        let topic = "\(words[g % words.count]) \(words[(g * 7 + 3) % words.count]) \(words[(g * 13 + 5) % words.count])"
        var text = """
            guide: bench-\(g)
            code: \(1000 + g)
            title: Hướng dẫn \(topic) số \(g)
            summary: Tự làm thủ tục \(topic) trên điện thoại của bạn.
            keywords: \(topic), thu tuc \(g)
            bring dien-thoai: Điện thoại của bạn
            bring the-can-cuoc: Thẻ căn cước
            fee: Không mất phí
            time: Khoảng 10 phút
            source: https://example.gov.vn/\(g)
            checked: 2026-11-20
            status: sourced

            """
        // STEPS steps in all: a main path, and a fix-up branch after every fourth step.
        let fixups = steps / 5
        let main = steps - fixups
        for s in 0..<main {
            let next = s == main - 1 ? "end done" : "buoc-\(s + 1)"
            let hasFixup = s % 4 == 0 && s / 4 < fixups
            text += """
                step buoc-\(s): Bước \(s) của \(topic)
                  \(real.isEmpty ? "" : real[(g * steps + s) % real.count] + " ")Trên điện thoại của bạn, bấm vào nút \(words[(g + s) % words.count]) rồi chờ màn hình mới hiện ra.
                  ! otp: Không đưa mã OTP cho bất kỳ ai.
                  ? Màn hình có hiện chữ "\(words[(g * s) % words.count])" không?
                  - co: Có -> \(next)
                  - khong: \(hasFixup ? "Không -> sua-\(s)" : "Không -> end staff")

                """
            if hasFixup {
                text += """
                    step sua-\(s): Sửa bước \(s)
                      Thử lại một lần nữa.
                      - duoc: Đã được -> buoc-\(s)
                      - van-loi: Vẫn lỗi -> end staff

                    """
            }
        }
        try text.write(toFile: directory + "/bench-\(g).guide", atomically: true, encoding: .utf8)
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "generate" where arguments.count == 4 || arguments.count == 5:
    guard let guides = Int(arguments[2]), let steps = Int(arguments[3]) else { exit(2) }
    try generate(directory: arguments[1], guides: guides, steps: steps, sentencesFrom: arguments.count == 5 ? arguments[4] : nil)
case "compare" where arguments.count > 4:
    guard let runs = Int(arguments[1]) else { exit(2) }
    let rest = Array(arguments.dropFirst(2))
    let parts = rest.split(separator: "--", omittingEmptySubsequences: true).map(Array.init)
    guard parts.count == 2 else { exit(2) }
    let stdin = ProcessInfo.processInfo.environment["BENCH_STDIN"]
    var a: [Measurement] = [], b: [Measurement] = []
    for _ in 0..<3 { _ = measure(parts[0], stdin: stdin); _ = measure(parts[1], stdin: stdin) }
    for _ in 0..<runs {
        if let m = measure(parts[0], stdin: stdin) { a.append(m) }
        if let m = measure(parts[1], stdin: stdin) { b.append(m) }
    }
    let ta = median(a.map(\.seconds)), tb = median(b.map(\.seconds))
    let ma = median(a.map { Double($0.maxRSSKiB) }), mb = median(b.map { Double($0.maxRSSKiB) })
    print(String(format: "  time:   %.2f ms vs baseline %.2f ms  → ratio %.2f×", ta * 1000, tb * 1000, ta / tb))
    print(String(format: "  memory: %.0f KiB vs baseline %.0f KiB → ratio %.2f×", ma, mb, ma / mb))
case "timed" where arguments.count > 3 && arguments[2] == "--":
    // One run of a command (after one to warm the file cache), against a time limit in seconds.
    guard let limit = Double(arguments[1]) else { exit(2) }
    let argv = Array(arguments.dropFirst(3))
    _ = measure(argv, stdin: nil)
    guard let m = measure(argv, stdin: nil) else { exit(1) }
    let shown = argv.dropFirst().filter { !$0.hasPrefix("/") && !$0.contains("/") }.joined(separator: " ")
    print(String(format: "  %.2f s, %.0f MB  %@  (target: under %.0f s: %@)", m.seconds, Double(m.maxRSSKiB) / 1024, shown,
        limit, m.seconds < limit ? "yes" : "NO"))
case "rate" where arguments.count > 4 && arguments[3] == "--":
    // One run of a command after one to warm the file cache: its time, peak memory and COUNT LABEL per second.
    guard let count = Double(arguments[1]) else { exit(2) }
    let argv = Array(arguments.dropFirst(4))
    // BENCH_COLD=1: a single run, for commands that take minutes (the file cache is warm from what ran before).
    if ProcessInfo.processInfo.environment["BENCH_COLD"] != "1" { _ = measure(argv, stdin: nil) }
    guard let m = measure(argv, stdin: nil) else { exit(1) }
    print(String(format: "  %.2f s, peak %.1f MB: %.0f %@ per second", m.seconds, Double(m.maxRSSKiB) / 1024, count / m.seconds, arguments[2]))
case "first-output" where arguments.count > 4:
    guard let runs = Int(arguments[1]) else { exit(2) }
    let parts = Array(arguments.dropFirst(2)).split(separator: "--", omittingEmptySubsequences: true).map(Array.init)
    guard parts.count == 2 else { exit(2) }
    var a: [Double] = [], b: [Double] = []
    for _ in 0..<3 { _ = timeToFirstOutput(parts[0]); _ = timeToFirstOutput(parts[1]) }
    for _ in 0..<runs {
        if let t = timeToFirstOutput(parts[0]) { a.append(t) }
        if let t = timeToFirstOutput(parts[1]) { b.append(t) }
    }
    let ta = median(a), tb = median(b)
    print(String(format: "  first screen: %.2f ms vs baseline %.2f ms → ratio %.2f×", ta * 1000, tb * 1000, ta / tb))
case "redraw" where arguments.count > 3:
    // The cost of drawing one guide screen: a session that shows step 6 of guide 21, then asks for it again N times
    // (each `.` is one full render: layout, wrap, page, write), against the same session without the repeats.
    guard let runs = Int(arguments[1]), let repeats = Int(arguments[2]) else { exit(2) }
    let argv = Array(arguments.dropFirst(3))
    let directory = NSTemporaryDirectory() + "kiosk-redraw-\(getpid())"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let plain = directory + "/plain.txt", many = directory + "/many.txt"
    try "21-6\n".write(toFile: plain, atomically: true, encoding: .utf8)
    try ("21-6\n" + String(repeating: ".\n", count: repeats)).write(toFile: many, atomically: true, encoding: .utf8)
    var a: [Double] = [], b: [Double] = []
    for _ in 0..<2 { _ = measure(argv, stdin: plain); _ = measure(argv, stdin: many) }
    for _ in 0..<runs {
        if let m = measure(argv, stdin: many) { a.append(m.seconds) }
        if let m = measure(argv, stdin: plain) { b.append(m.seconds) }
    }
    let each = (median(a) - median(b)) / Double(repeats)
    print(String(format: "  one screen (read, handle, render, write): %.1f µs → %.3f of the 1 ms target", each * 1e6, each / 0.001))
case "province" where arguments.count == 3:
    // A province-year: N sessions over 102 communes (made-up codes 99001…99102, never real ones), every day of 2025,
    // office hours, a realistic mix, each with its step events. The kiosk creates the schema; the rows are
    // generated by the sqlite3 shell in bulk (the kiosk itself writes no SQL here).
    guard let count = Int(arguments[2]) else { exit(2) }
    do { _ = try SessionStore(path: arguments[1]) }
    let guides = ["kich-hoat-vneid", "dang-nhap-dvcqg", "khai-sinh", "dang-nhap-vneid", "muc-2-vneid", "nop-ho-so", "le-phi",
        "tra-cuu", "thuong-tru", "tam-tru", "ly-lich-tu-phap", "thanh-toan-qr", "lua-dao"]
    let guideCase = "CASE r % 13 " + guides.enumerated().map { "WHEN \($0.offset) THEN '\($0.element)'" }.joined(separator: " ") + " END"
    let batch = 1_000_000
    var done = 0
    // The report indexes are dropped during the bulk load and made again after it, with the kiosk's own definitions.
    let indexes = ["session_report", "step_event_report", "session_open", "session_stops", "session_place"]
    let definitions = Process()
    definitions.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    definitions.arguments = [arguments[1], "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND name IN ("
        + indexes.map { "'\($0)'" }.joined(separator: ", ") + ")"]
    let pipe = Pipe()
    definitions.standardOutput = pipe
    try definitions.run()
    let indexSQL = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    definitions.waitUntilExit()
    var script = "PRAGMA journal_mode = OFF;\nPRAGMA synchronous = OFF;\nPRAGMA cache_size = -1000000;\n"
        + indexes.map { "DROP INDEX IF EXISTS \($0);\n" }.joined()
    script += """
        INSERT INTO commune(code, name, centre) WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 102)
        SELECT printf('99%03d', i), printf('Xã thử %03d', i), printf('Trung tâm thử %03d', i) FROM c;

        """
    while done < count {
        let n = min(batch, count - done)
        script += """
            BEGIN;
            WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < \(n)),
            r(r, o, l, v, d) AS (SELECT abs(random()), abs(random()) % 100, abs(random()) % 100, abs(random()) % 100,
                abs(random()) % 365 FROM k)
            INSERT INTO session(id, terminal, day, hour, guide, lang, launched_by, steps_seen, furthest_step, backs, helps,
                outcome, duration, last_guide, last_step, commune_code)
            SELECT lower(hex(randomblob(16))), printf('xa-%03d', r % 102 + 1), date('2025-01-01', '+' || d || ' days'),
                7 + r % 10, \(guideCase),
                CASE WHEN l < 85 THEN 'vi' WHEN l < 93 THEN 'rad' WHEN l < 96 THEN 'jra' WHEN l < 98 THEN 'mng' ELSE 'en' END,
                CASE WHEN v < 30 THEN 'volunteer' ELSE 'self' END, 1 + r % 12, 1 + r % 12, r % 3, r % 2,
                CASE WHEN o < 55 THEN 'done' WHEN o < 70 THEN 'staff' WHEN o < 80 THEN 'later' WHEN o < 90 THEN 'abandoned'
                    WHEN o < 97 THEN 'timeout' ELSE 'interrupted' END, 10 * (6 + r % 90), \(guideCase), 'buoc-' || (1 + r % 12),
                printf('99%03d', r % 102 + 1)
            FROM r;
            COMMIT;

            """
        done += n
    }
    // Each session's steps 1…steps_seen, written in key order (by session id) so the table is built by appending.
    script += """
        BEGIN;
        WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 12)
        INSERT INTO step_event(session, seq, guide, step, kind, session_guide, day)
        SELECT s.id, k.i, s.guide, 'buoc-' || k.i, 'shown', s.guide, s.day FROM session s INDEXED BY sqlite_autoindex_session_1
        JOIN k ON k.i <= s.steps_seen ORDER BY s.id, k.i;
        COMMIT;
        \(indexSQL)
        PRAGMA journal_mode = WAL;
        ANALYZE;

        """
    guard runSQLite(arguments[1], script) else { exit(1) }
    say("  \(count) sessions")
case "write-cost" where arguments.count == 3:
    // One session as the kiosk writes it (begin, 3 steps, end: 5 commits, through SessionLog and SessionStore.apply)
    // against the same number of bare INSERT commits in the sqlite3 shell, with the same pragmas.
    guard let count = Int(arguments[2]) else { exit(2) }
    let store = try SessionStore(path: arguments[1])
    func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }
    var log = SessionLog(terminal: "t1")
    let moment = SessionLog.Moment(day: "2026-11-25", hour: 9, milliseconds: 0)
    let sessions = try time {
        for _ in 0..<count {
            var writes = log.fold(.started(guide: "khai-sinh", language: "vi", launchedBy: .citizen), at: moment)
            for step in 1...3 { writes += log.fold(.shown(guide: "khai-sinh", step: "s\(step)", mainIndex: step), at: moment) }
            writes += log.fold(.ended(outcome: .done, lastGuide: "khai-sinh", lastStep: "s3"), at: moment)
            for write in writes { try store.apply(write) }
        }
    }
    let bareScript = "PRAGMA journal_mode = WAL;\nPRAGMA synchronous = FULL;\nCREATE TABLE bare(id TEXT PRIMARY KEY, day TEXT, guide TEXT, n INTEGER) STRICT;\n"
        + (0..<count).map { "BEGIN IMMEDIATE; INSERT INTO bare VALUES ('\(SessionStore.newSessionID())', '2026-11-25', 'khai-sinh', \($0)); COMMIT;\n" }.joined()
    let barePath = arguments[1] + ".bare"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: barePath + suffix) }
    var bareOK = true
    let bare = time { bareOK = runSQLite(barePath, bareScript) }
    guard bareOK else { exit(1) }
    print(String(format: "  one session (5 commits): %.3f ms; one bare INSERT commit: %.3f ms → ratio %.2f× per session, %.2f× per commit",
        sessions / Double(count), bare / Double(count), sessions / bare, sessions / 5 / bare))
case "po-generate" where arguments.count == 3:
    // A catalog of N entries shaped like the kiosk's: contexts, comments, references, Vietnamese and English text.
    guard let count = Int(arguments[2]) else { exit(2) }
    var text = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Plural-Forms: nplurals=1; plural=0;\\n\"\n"
    for index in 0..<count {
        text += """

            #. Guide \(index / 40), step \(index % 40): instruction
            #: guides/guide-\(index / 40).guide:\(index % 40 + 10)
            msgctxt "guide-\(index / 40)/buoc-\(index % 40):body"
            msgid ""
            "Trên điện thoại của bạn, bấm vào nút \\"Đăng nhập\\" số \(index) rồi chờ màn hình mới hiện ra.\\n"
            "Không đưa mã OTP cho bất kỳ ai."
            msgstr ""
            "On your phone, tap \\"Đăng nhập\\" (Log in) number \(index) and wait for the new screen.\\n"
            "Never give the OTP code to anyone."

            """
    }
    try text.write(toFile: arguments[1], atomically: true, encoding: .utf8)
case "po-english" where arguments.count == 3:
    // A stand-in English catalog for a generated library: every line of TEMPLATE "translated" into as many English
    // words (from a fixed list) as it has Vietnamese ones, so an English index is as large as a real one would be.
    let template = try String(contentsOfFile: arguments[1], encoding: .utf8)
    let english = ["open", "the", "app", "on", "your", "phone", "tap", "button", "then", "wait", "for", "screen", "check",
        "name", "code", "send", "form", "page", "account", "card", "number", "enter", "choose", "service", "portal", "fee",
        "birth", "residence", "record", "payment", "staff", "counter", "message", "password", "login", "upload"]
    var out: [String] = []
    var words = 0, entries = 0
    for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("msgid \"") || line.hasPrefix("\"") { words += line.split(separator: " ").count }
        if line == "msgstr \"\"", entries > 0 {
            let text = (0..<max(1, words)).map { english[($0 * 7 + entries * 13) % english.count] }.joined(separator: " ")
            out.append("msgstr \"\(text)\"")
        } else {
            out.append(String(line))
        }
        if line.hasPrefix("msgstr") {
            entries += 1
            words = 0
        }
    }
    try out.joined(separator: "\n").write(toFile: arguments[2], atomically: true, encoding: .utf8)
case "po-parse" where arguments.count == 2:
    let (catalog, problems) = POParser.parse(contentsOf: arguments[1])
    if problems.contains(where: { $0.severity == .error }) || catalog.entries.isEmpty { exit(1) }
case "recordings" where arguments.count == 5 || arguments.count == 6:
    guard let count = Int(arguments[4]) else { exit(2) }
    try generateRecordings(locales: arguments[1], guides: arguments[2], out: arguments[3], count: count,
        vietnamese: arguments.count == 6 ? Int(arguments[5]) ?? 0 : 0)
case "listen" where arguments.count > 5 && arguments[4] == "--":
    guard let runs = Int(arguments[1]) else { exit(2) }
    try listenLatency(kiosk: Array(arguments.dropFirst(5)), player: arguments[2], marker: arguments[3], runs: runs)
case "search" where arguments.count == 4:
    // Index DIR's library in Vietnamese and in English (LOCALES/en.po), then COUNT searches of each kind.
    guard let count = Int(arguments[2]) else { exit(2) }
    let library = Library.load(directory: arguments[1], options: Library.Options(today: Day(daysSinceEpoch: 20_500)))
    let ui = UICatalog(contentsOf: arguments[3] + "/ui.vi.txt")
    let english = Localizer(language: "en", ui: ui, translations: Translations(POParser.parse(contentsOf: arguments[3] + "/en.po").0))
    var builds: [Double] = [], others: [Double] = []
    var search = GuideSearch(guides: [])
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        search = GuideSearch(guides: library.guides, vietnamese: Localizer(ui: ui), languages: [english])
        let built = DispatchTime.now().uptimeNanoseconds
        search.prepare()
        builds.append(Double(built - start) / 1e9)
        others.append(Double(DispatchTime.now().uptimeNanoseconds - built) / 1e9)
    }
    let steps = library.guides.reduce(0) { $0 + $1.steps.count }
    print(String(format: "  index of %d guides, %d steps, every field: %.1f ms at start (Vietnamese), %.1f ms more on "
        + "another core for English (Vietnamese and English together)", library.guides.count, steps, median(builds) * 1000,
        median(others) * 1000))
    let kinds: [(String, String, [String])] = [
        ("Vietnamese words", "vi", ["dang ky khai sinh", "thuong tru", "ho so", "le phi", "tra cuu ma ho so", "giay to chung thuc",
            "lam giay khai sinh cho con", "mat dien thoai"]),
        ("Telex, VNI and typos", "vi", ["ddawng kys", "d9a8ng ky1", "kahi sinh", "thuowngf truws", "lylich tuphap", "khai xinh"]),
        ("English", "en", ["birth certificate", "register a birth", "scam call", "application status", "bank transfer"]),
        ("needs no guide covers", "vi", ["nop phat giao thong", "ho chieu", "doi bang lai xe", "passport", "xyzzy qwerty"]),
        ("a poster code", "vi", ["1042"]),
    ]
    // Tab: the last word still being typed, in both languages.
    let partial = ["khai s", "dang ky th", "vne", "tra cuu ho s", "ly lich t"], partialEnglish = ["birth reg", "scam c", "app"]
    var offered = 0
    let tabStart = DispatchTime.now().uptimeNanoseconds
    for i in 0..<count {
        offered += i % 2 == 0 ? search.completions(partial[i % partial.count]).count
            : search.completions(partialEnglish[i % partialEnglish.count], language: "en").count
    }
    let tab = Double(DispatchTime.now().uptimeNanoseconds - tabStart) / 1e9 / Double(count)
    print(String(format: "  Tab completion: %.1f µs per press → %.2f of the 50 µs target (%d titles)", tab * 1e6, tab / 50e-6, offered))
    for (name, language, queries) in kinds {
        var found = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<count { found += search.hits(queries[i % queries.count], language: language).count }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "  %@: %.1f µs per search → %.2f of the 50 µs target (%d hits)", name,
            elapsed / Double(count) * 1e6, elapsed / Double(count) / 50e-6, found))
    }
case "load" where arguments.count == 3:
    guard let count = Int(arguments[2]) else { exit(2) }
    var times: [Double] = []
    var guides = 0
    for _ in 0..<count {
        let start = DispatchTime.now().uptimeNanoseconds
        guides = Library.load(directory: arguments[1], options: Library.Options(today: Day(daysSinceEpoch: 20_500))).guides.count
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    print(String(format: "  Library.load of %d guides in-process: median %.2f ms", guides, median(times)))
default:
    FileHandle.standardError.write(Data("usage: kiosk-bench generate|compare|search …\n".utf8))
    exit(2)
}
