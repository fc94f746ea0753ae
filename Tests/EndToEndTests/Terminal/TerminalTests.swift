import Foundation
@testable import Guides
import Testing

/// The kiosk in a real terminal (tmux): readline, idle reset, kiosk-mode keys, resize, Vietnamese editing, identifiers.
@Suite struct TerminalTests {
    /// The legend of a guide's overview, on each of its pages.
    static let overview = "[0] Gọi cán bộ   [-] Quay lại   [/] Dừng"

    @Test func theMainPathInARealTerminal() throws {
        let terminal = try Tmux(["run"])
        try terminal.waitFor("Xin chào!")
        try terminal.enter("")
        try terminal.waitFor("Bạn cần làm thủ tục gì?")
        try terminal.enter("21")
        try terminal.waitFor(Self.overview)
        try terminal.enter("1")
        let step = try terminal.waitFor("Bước 1/12")
        #expect(step.contains("[0] Gọi cán bộ   [-] Quay lại   [.] Xem lại   [*] Danh sách bước   [/] Dừng"))
        try terminal.enter("/")
        try terminal.waitFor("Bạn muốn dừng")
        try terminal.enter("1")
        try terminal.waitFor("Đã kết thúc hướng dẫn.")
        try terminal.enter("")
        try terminal.waitFor("Xin chào!")
    }

    @Test func idleResetLeavesNothingOfThePreviousVisitor() throws {
        let terminal = try Tmux(["run", "--idle-warning", "3", "--idle-reset", "2"])
        try terminal.waitFor("Xin chào!")
        try terminal.enter("khai sinh")
        try terminal.waitFor("Có phải bạn cần:")
        try terminal.enter("1")
        try terminal.waitFor(Self.overview)
        try terminal.enter("1")
        try terminal.waitFor("Bước 1/12")
        try terminal.type("dang go do")
        try terminal.waitFor("Bạn còn ở đây không?", seconds: 8)
        try terminal.waitFor("Xin chào!", seconds: 8)
        // Up recalls nothing: the sentinel typed after it stands alone on the prompt line.
        try terminal.press("Up")
        try terminal.type("zq9")
        try terminal.waitFor("> zq9")
        let everything = try terminal.capture(history: true)
        for trace in ["khai sinh", "Bước", "Tự nộp trực tuyến", "Bạn còn ở đây", "dang go do", "Có phải bạn cần"] {
            #expect(!everything.contains(trace), "\"\(trace)\" survived the reset:\n\(everything)")
        }
        #expect(everything.contains("Xin chào!"))
        #expect(try terminal.isRunning())
    }

    @Test func controlKeysNeverLeaveTheKiosk() throws {
        let terminal = try Tmux(["run"])
        try terminal.waitFor("Xin chào!")
        try terminal.enter("21")
        try terminal.waitFor(Self.overview)
        for key in ["C-c", "C-\\", "C-z", "C-d"] {
            try terminal.press(key)
            try terminal.waitFor("Bạn muốn dừng ở đây?")
            #expect(try terminal.isRunning(), "\(key) ended the kiosk")
            try terminal.enter("2")
            try terminal.waitFor(Self.overview)
        }
        try terminal.press("C-c")
        try terminal.waitFor("Bạn muốn dừng")
        try terminal.enter("1")
        try terminal.waitFor("Mã của hướng dẫn này: 21.")
        try terminal.enter("")
        try terminal.waitFor("Xin chào!")
        #expect(try terminal.isRunning())
    }

    @Test func aResizeRewrapsTheScreen() throws {
        let terminal = try Tmux(["run"], width: 100, height: 60)
        try terminal.waitFor("Xin chào!")
        try terminal.enter("21")
        try terminal.waitFor(Self.overview)
        try terminal.resize(width: 44, height: 60)
        // The redraw after the resize is done once the overview fits the new width.
        try terminal.waitUntil("the overview redrawn at 44 columns") { screen in
            screen.contains(Self.overview) && screen.split(separator: "\n").allSatisfy { TextLayout.width(of: $0) <= 44 }
        }
        try terminal.enter("1")
        let screen = try terminal.waitFor("Bước 1/12")
        let widest = screen.split(separator: "\n").map { TextLayout.width(of: $0.trimmingCharacters(in: .whitespaces)) }.max() ?? 0
        #expect(widest <= 44)
        #expect(widest >= 30, "the text should use the new width:\n\(screen)")
    }

    @Test func vietnameseAndEDeLettersAreTypedAndDeletedCleanly() throws {
        let terminal = try Tmux(["run"])
        try terminal.waitFor("Xin chào!")
        try terminal.enter("")
        try terminal.waitFor("Bạn cần làm thủ tục gì?")
        // Typed, then deleted letter by letter: if a byte of a multibyte letter were left, "12" would not be a code.
        try terminal.type("Đắk Lắk ơ̆ƀč")
        for _ in 0..<12 { try terminal.press("BSpace") }
        try terminal.enter("12")
        try terminal.waitFor("Đăng nhập Cổng Dịch vụ công Quốc gia")
        try terminal.waitFor(Self.overview)
    }

    @Test func anIdentifierIsDroppedAndLeavesNoTrace() throws {
        let terminal = try Tmux(["run"])
        try terminal.waitFor("Xin chào!")
        try terminal.enter("")
        try terminal.waitFor("Bạn cần làm thủ tục gì?")
        try terminal.enter("066190001234")
        try terminal.waitFor("không bao giờ cần số căn cước")
        try terminal.press("Up")
        try terminal.type("zq9")
        try terminal.waitFor("> zq9")
        let everything = try terminal.capture(history: true)
        #expect(!everything.contains("066190001234"), "the number is still on the terminal:\n\(everything)")
        try terminal.press("C-u")
        try terminal.enter("21")
        try terminal.waitFor(Self.overview)
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aStopSignalEndsTheKioskCleanly(signal: Int32) throws {
        let terminal = try Tmux(["run"])
        try terminal.waitFor("Xin chào!")
        try terminal.enter("21")
        try terminal.waitFor(Self.overview)
        let pid = try terminal.tmux(["display-message", "-p", "-t", "main", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let processID = try #require(Int32(pid))
        kill(processID, signal)
        let deadline = Date().addingTimeInterval(5)
        while try terminal.isRunning(), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(try !terminal.isRunning(), "the kiosk did not stop")
        let screen = try terminal.capture(history: true)
        #expect(!screen.contains("Tự nộp trực tuyến"), "the guide is still on the terminal after the kiosk stopped:\n\(screen)")
    }

    @Test func tabCompletesGuideTitlesNotFileNamesAndHistoryStaysWithTheVisitor() throws {
        let terminal = try Tmux(["run", "--idle-warning", "3", "--idle-reset", "2"])
        try terminal.waitFor("Xin chào!")
        try terminal.enter("")
        try terminal.waitFor("Bạn cần làm thủ tục gì?")
        // The source tree holds Package.swift: filename completion would complete "Packag". (Not "Pack": one typo
        // from "hack", which guide 53 lists, so title completion rightly offers that guide.)
        try terminal.type("Packag")
        try terminal.press("Tab")
        try terminal.type("zq9")
        try terminal.waitFor("> Packagzq9")
        #expect(try !terminal.capture().contains("Package.swift"))
        try terminal.press("C-u")
        try terminal.type("dang ky kh")
        try terminal.press("Tab")
        try terminal.waitFor("> Đăng ký khai sinh cho con (kèm thường trú, thẻ BHYT)")
        // A whole title opens its guide at once.
        try terminal.press("Enter")
        try terminal.waitFor(Self.overview)
        try terminal.press("-")
        try terminal.press("Enter")
        try terminal.waitFor("Bạn cần làm thủ tục gì?")
        // This visitor's own search comes back with the up arrow…
        try terminal.press("Up")
        try terminal.waitFor("> Đăng ký khai sinh cho con")
        try terminal.press("C-u")
        // …and is gone for the next visitor.
        try terminal.waitFor("Bạn còn ở đây không?", seconds: 8)
        try terminal.waitFor("Xin chào!", seconds: 8)
        try terminal.press("Up")
        try terminal.type("zq9")
        try terminal.waitFor("> zq9")
        #expect(try !terminal.capture(history: true).contains("khai sinh"))
    }

    @Test func aClosedTerminalEndsTheSessionAsInterruptedAndTheKioskStops() throws {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-hangup-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm", ".status"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
        let terminal = try Tmux(["run", "--db", db])
        try terminal.waitFor("Xin chào!")
        try terminal.enter("21")
        try terminal.waitFor(Self.overview)
        try terminal.enter("1")
        try terminal.waitFor("Bước 1/12")
        let pid = try terminal.tmux(["display-message", "-p", "-t", "main", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let processID = try #require(Int32(pid))
        try terminal.tmux(["kill-server"])
        let deadline = Date().addingTimeInterval(5)
        while kill(processID, 0) == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(kill(processID, 0) != 0, "the kiosk kept running after its terminal closed")
        let report = try KioskProcess.run(["report", "--db", db, "--by", "guide,outcome", "--format", "csv", "--codes"])
        #expect(CodedRows.of(report.stdout, ["guide", "outcome"]) == ["khai-sinh,interrupted,1"], "\(report.stdout)")
    }

    @Test func tabCompletesTitlesInTheVisitorsLanguage() throws {
        let terminal = try Tmux(["run", "--db", "/dev/null/none.db"])
        try terminal.waitFor("Xin chào!")
        try terminal.enter("2")
        try terminal.waitFor("Which procedure do you need to do?")
        try terminal.type("birth reg")
        try terminal.press("Tab")
        try terminal.waitFor("> Birth registration for your child")
        try terminal.press("Enter")
        try terminal.waitFor("[0] Call staff   [-] Back   [/] Stop")
    }

    @Test func tabCompletesWhatSearchFindsNotOnlyTitleBeginnings() throws {
        let terminal = try Tmux(["run", "--db", "/dev/null/none.db"])
        try terminal.waitFor("Xin chào!")
        try terminal.enter("")
        try terminal.waitFor("Bạn cần làm thủ tục gì?")
        // A word still being typed: one letter is enough.
        try terminal.type("khai s")
        try terminal.press("Tab")
        try terminal.waitFor("> Đăng ký khai sinh cho con (kèm thường trú, thẻ BHYT)")
        try terminal.press("C-u")
        // Words from inside the guide, in the way people type them, complete to its title.
        try terminal.type("otp ko ve")
        try terminal.press("Tab")
        try terminal.waitFor("> Kích hoạt tài khoản VNeID mức 2")
        try terminal.press("C-u")
        // A need no guide covers completes to nothing: what was typed stays as it is.
        try terminal.type("lam ho chieu")
        try terminal.press("Tab")
        try terminal.type("zq")
        try terminal.waitFor("> lam ho chieuzq")
        try terminal.press("Enter")
        try terminal.waitFor("Máy chưa có hướng dẫn cho việc này.")
    }

    @Test func deletedTextCannotBeYankedBackByAnyone() throws {
        let terminal = try Tmux(["run", "--db", "/dev/null/none.db"])
        try terminal.waitFor("Xin chào!")
        try terminal.enter("")
        try terminal.waitFor("Bạn cần làm thủ tục gì?")
        try terminal.type("Nguyen Van An")
        try terminal.press("C-u")
        try terminal.press("C-y")
        try terminal.type("x")
        try terminal.press("M-y")
        try terminal.type("zq9")
        try terminal.waitFor("> xzq9")
        let screen = try terminal.capture(history: true)
        #expect(!screen.contains("Nguyen Van An"), "deleted text came back:\n\(screen)")
        #expect(screen.contains("> xzq9"))
    }

    /// A citizen who types slowly (a key every 0.8 s with a 3 s warning time) is never interrupted: each key counts.
    @Test func typingSlowlyPastTheWarningTimeKeepsTheLine() throws {
        let terminal = try Tmux(["run", "--idle-warning", "3", "--idle-reset", "2"])
        try terminal.waitFor("Xin chào!")
        try terminal.enter("")
        try terminal.waitFor("Bạn cần làm thủ tục gì?")
        let word = "khai sinh"
        for letter in word {
            try terminal.type(String(letter))
            Thread.sleep(forTimeInterval: 0.8)
        }
        // 7 s of typing, well past the 3 s warning: no warning, and the whole line is still there.
        let screen = try terminal.waitFor("> khai sinh")
        #expect(!screen.contains("Bạn còn ở đây không?"), "the idle warning interrupted a typing citizen:\n\(screen)")
        try terminal.press("Enter")
        try terminal.waitFor("Có phải bạn cần:")
    }

    @Test func aResizeKeepsTheHalfTypedLine() throws {
        let terminal = try Tmux(["run"], width: 100, height: 60)
        try terminal.waitFor("Xin chào!")
        try terminal.enter("")
        try terminal.waitFor("Bạn cần làm thủ tục gì?")
        try terminal.type("khai si")
        try terminal.waitFor("> khai si")
        try terminal.resize(width: 60, height: 40)
        try terminal.waitUntil("the menu redrawn at 60 columns") { screen in
            screen.contains("Bạn cần làm thủ tục gì?") && screen.split(separator: "\n").allSatisfy { TextLayout.width(of: $0) <= 60 }
        }
        try terminal.type("nh")
        try terminal.waitFor("> khai sinh")
        try terminal.press("Enter")
        try terminal.waitFor("Có phải bạn cần:")
    }

    @Test func aPastedWallOfTextIsDroppedWithANotice() throws {
        let terminal = try Tmux(["run", "--db", "/dev/null/none.db"])
        try terminal.waitFor("Xin chào!")
        try terminal.enter("")
        try terminal.waitFor("Bạn cần làm thủ tục gì?")
        // Over 1,000 characters: refused when Enter is pressed.
        try terminal.enter(String(repeating: "khai sinh ", count: 150))
        try terminal.waitFor("Dòng bạn gõ quá dài nên máy đã bỏ qua.")
        // Over the bytes readline keeps: dropped at once, and the rest of the line up to Enter with it.
        try terminal.enter(String(repeating: "khai sinh ", count: 600) + "tra cuu")
        try terminal.waitFor("Dòng bạn gõ quá dài nên máy đã bỏ qua.")
        try terminal.enter("21")
        try terminal.waitFor(Self.overview)
        #expect(try !terminal.capture(history: true).contains("Có phải bạn cần:"), "the tail of the paste was searched")
    }

    /// On a raw pseudo-terminal (what the Linux console sees), typed C1 controls, direction overrides and bytes that are
    /// not UTF-8 are never echoed: the console would read 0x9B as CSI.
    @Test func typedControlsAndBrokenBytesAreNeverEchoed() throws {
        let sandbox = try TestSandbox()
        let terminal = try PseudoTerminal(["run", "--db", sandbox.path("k.db")], sandbox: sandbox)
        #expect(terminal.waitFor("Xin chào!"))
        terminal.send([0x0D])
        #expect(terminal.waitFor("Bạn cần làm thủ tục gì?"))
        let start = terminal.bytes.count
        let hostile: [UInt8] = Array("ab".utf8) + [0xC2, 0x9B] + Array("6n".utf8) + [0xC2, 0x9D] + Array("0;x".utf8) + [0xC2, 0x9C]
            + [0xE2, 0x80, 0xAE] + [0xE2, 0x81, 0xA7] + [0x9B, 0x9D] + [0x16, 0x9B] + [0xC0, 0xAF] + [0xED, 0xA0, 0x80]
            + [0xF8, 0x88, 0x80, 0x80, 0x80] + [0xEF, 0xBB, 0xBF] + Array("cdzq9".utf8)
        terminal.send(hostile)
        #expect(terminal.waitFor("cdzq9", after: start), "the sentinel never came back")
        let echo = Array(terminal.bytes[start...])
        let forbidden: [[UInt8]] = [[0xC2, 0x9B], [0xC2, 0x9D], [0xC2, 0x9C], [0xE2, 0x80, 0xAE], [0xE2, 0x81, 0xA7], [0xC0, 0xAF],
            [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF]]
        for sequence in forbidden {
            let found = echo.count >= sequence.count && (0...(echo.count - sequence.count)).contains { echo[$0..<($0 + sequence.count)].elementsEqual(sequence) }
            #expect(!found, "echoed \(sequence.map { String($0, radix: 16) })")
        }
        #expect(String(validating: echo, as: UTF8.self) != nil, "the echo is not valid UTF-8")
        #expect(!echo.contains(0x9B) && !echo.contains(0x9D), "a raw C1 byte was echoed")
    }

    /// Something typed inside a step (a name) is gone from the scrollback as soon as the next screen is drawn.
    @Test(arguments: CounterTests.sizes)
    func nothingTypedOnOneScreenStaysInTheScrollback(size: [Int]) throws {
        let terminal = try Tmux(["run", "--db", "/dev/null/none.db"], width: size[0], height: size[1])
        try terminal.waitFor("Xin chào!")
        try terminal.enter("21")
        try terminal.pageUntil("Bạn đã có đủ những thứ cần mang theo chưa?")
        try terminal.enter("1")
        try terminal.waitFor("Bước 1/12")
        try terminal.enter("Lan Nguyen Thi")
        try terminal.waitFor("Không có lựa chọn này")
        try terminal.enter("1")
        try terminal.waitFor("Bước 2/12")
        let everything = try terminal.capture(history: true)
        #expect(!everything.contains("Lan Nguyen"), "typed text survived in the scrollback:\n\(everything)")
        #expect(!everything.contains("Bước 1/12"), "the previous step survived in the scrollback")
    }

    /// The welcome screen times out too: something typed there and left without Enter is wiped.
    @Test(arguments: CounterTests.sizes)
    func textLeftOnTheWelcomeScreenIsWiped(size: [Int]) throws {
        let terminal = try Tmux(["run", "--db", "/dev/null/none.db", "--idle-warning", "3", "--idle-reset", "2"],
            width: size[0], height: size[1])
        try terminal.waitFor("Xin chào!")
        try terminal.type("toi ten la Lan")
        try terminal.waitFor("> toi ten la Lan")
        // After the warning time the terminal is wiped; the sentinel typed next stands alone on the prompt.
        try terminal.waitUntil("the welcome screen wiped", seconds: 10) { !$0.contains("toi ten la Lan") }
        try terminal.type("zq9")
        try terminal.waitFor("> zq9")
        #expect(try !terminal.capture(history: true).contains("Lan"))
    }
}
