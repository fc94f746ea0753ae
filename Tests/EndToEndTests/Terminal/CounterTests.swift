import Foundation
@testable import Guides
import Testing
@testable import Kiosk

/// The citizen at the counter, in a real terminal at the sizes of the centres' screens: every page fits, the keys are
/// the same in every language, and a call for staff reaches the board and the centre's notify command.
@Suite struct CounterTests {
    static let sizes = [[80, 24], [60, 20]]

    /// The lines of a captured screen, without the blank rows below the prompt.
    static func lines(_ screen: String) -> [Substring] {
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return lines
    }

    /// A page fits when its title is on the top row (nothing scrolled off), the prompt is on screen, and no line is
    /// wider than the terminal.
    static func expectFits(_ screen: String, title: String, width: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let lines = lines(screen)
        #expect(lines.first.map { $0.hasPrefix(title) } == true, "the top of the page scrolled away:\n\(screen)",
            sourceLocation: sourceLocation)
        #expect(lines.last.map { $0.hasPrefix(">") } == true, "no prompt on the page:\n\(screen)", sourceLocation: sourceLocation)
        for line in lines { #expect(TextLayout.width(of: line) <= width, "too wide: \(line)", sourceLocation: sourceLocation) }
    }

    @Test(arguments: sizes)
    func everyPageOfTheOverviewAndTheStepsFits(size: [Int]) throws {
        let (width, height) = (size[0], size[1])
        let terminal = try Tmux(["run"], width: width, height: height)
        try terminal.waitFor("Xin chào!")
        try terminal.enter("21")
        try terminal.waitFor(TerminalTests.overview)
        let overview = try terminal.pageUntil("Bạn đã có đủ những thứ cần mang theo chưa?")
        #expect(overview.count >= 2, "the overview of guide 21 should be paged at \(width)x\(height)")
        for page in overview { Self.expectFits(page, title: "Đăng ký khai sinh cho con", width: width) }
        // The list of what to bring is on the page that asks about it (at 60x20 it may start a page before).
        let bring = overview.lastIndex { $0.contains("Cần mang theo:") }
        #expect(bring == overview.count - 1 || (width < 80 && bring == overview.count - 2), "\(overview)")
        try terminal.enter("1")
        for number in 1...4 {
            try terminal.waitFor("Bước \(number)/12")
            let pages = try terminal.pageUntil("Gõ số để trả lời")
            for (index, page) in pages.enumerated() {
                // The first page of a step names the guide; a continued page starts with the step's own heading.
                Self.expectFits(page, title: index == 0 ? "Đăng ký khai sinh cho con" : "Bước \(number)/12", width: width)
                #expect(page.contains("Bước \(number)/12"))
                #expect(page.contains("[0] Gọi cán bộ"), "the staff key is on every page")
            }
            try terminal.enter("1")
        }
        // `-` on a later page goes back a page, not a step.
        try terminal.enter("-")
        try terminal.waitFor("Bước 4/12")
    }

    /// The same keys do the same in Vietnamese and in English: a volunteer's habits never lose the visitor's place.
    static let languages = [("1", "Bước", "Bạn muốn dừng", "Danh sách các bước", "Máy đã gửi lời gọi cán bộ"),
        ("2", "Step", "Do you want to stop", "List of steps", "The kiosk has sent a call for staff")]

    @Test(arguments: sizes, languages)
    func theKeysAreTheSameInEveryLanguage(size: [Int], words: (String, String, String, String, String)) throws {
        let (language, step, leave, list, called) = words
        let terminal = try Tmux(["run"], width: size[0], height: size[1])
        try terminal.waitFor("Xin chào!")
        try terminal.enter(language)
        try terminal.waitFor("[0] ")
        try terminal.enter("21-2")
        let second = try terminal.waitFor("\(step) 2/12")
        #expect(second.contains("[0] ") && second.contains("[-] ") && second.contains("[.] ") && second.contains("[*] ")
            && second.contains("[/] "))
        try terminal.enter("1")
        try terminal.waitFor("\(step) 3/12")
        try terminal.enter("-")
        try terminal.waitFor("\(step) 2/12")
        try terminal.enter("*")
        try terminal.waitFor(list)
        // In the list, the number of the step being done returns to it, whichever page of the list is shown.
        try terminal.enter("2")
        try terminal.waitFor("\(step) 2/12")
        try terminal.enter("/")
        try terminal.waitFor(leave)
        try terminal.enter("2")
        try terminal.waitFor("\(step) 2/12")
        try terminal.enter("0")
        try terminal.waitFor(called)
        // The call is on the board, read from another process as staff would.
        let board = try KioskProcess.run(["board", "--once"], sandbox: terminal.sandbox)
        // No terminal id configured: the one derived from this machine, the same in every process.
        #expect(board.stdout.contains("1. \(MachineIdentity.current.defaultTerminal): "), "\(board.stdout)")
        #expect(try terminal.isRunning())
    }

    /// A call for staff rings the terminal, reaches `kiosk board --once` and the notify command with the terminal id
    /// and the counter only; staff answer on the board; "needs staff" keeps its summary until the staff key.
    @Test func aCallForStaffReachesTheBoardAndTheNotifyCommand() throws {
        let sandbox = try TestSandbox()
        let calls = sandbox.path("calls.txt")
        let script = sandbox.path("lamp.sh")
        try "#!/bin/sh\necho \"$@\" >> \(calls)\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        // Through /bin/sh: a script just written may still be open for writing in a process another test forked, and
        // executing it then fails with "text file busy".
        try "terminal = tay-hoa-2\ncounter = quầy 2\nnotify-command = /bin/sh \(script) lamp\n"
            .write(toFile: sandbox.configuration, atomically: true, encoding: .utf8)
        let terminal = try PseudoTerminal(["run"], sandbox: sandbox)
        #expect(terminal.waitFor("Xin chào!"))
        terminal.send(Array("21-6\r".utf8))
        #expect(terminal.waitFor("Bước 6/12"))
        let before = terminal.bytes.count
        terminal.send(Array("0\r".utf8))
        #expect(terminal.waitFor("Máy đã gửi lời gọi cán bộ", after: before))
        #expect(terminal.bytes[before...].contains(0x07), "the terminal did not ring")
        #expect(terminal.waitFor("Máy giữ màn hình này cho bạn 15 phút.", after: before))

        let board = try KioskProcess.run(["board", "--once"], sandbox: sandbox)
        #expect(board.status == 0)
        #expect(board.stdout.contains("1. tay-hoa-2: Đăng ký khai sinh cho con (kèm thường trú, thẻ BHYT), Bước 6/12, chờ từ "),
            "\(board.stdout)")
        // The notify command runs in the background once the board holds the call.
        #expect(Self.contents(calls, becoming: "lamp call tay-hoa-2 quầy 2\n"), "\(String(decoding: terminal.bytes, as: UTF8.self))")

        let answered = try KioskProcess.run(["board"], stdin: "1\n", sandbox: sandbox)
        #expect(answered.stdout.contains("Đã ghi nhận: cán bộ đã đến máy tay-hoa-2."))
        #expect(try KioskProcess.run(["board", "--once"], sandbox: sandbox).stdout.contains("Không có máy nào đang chờ."))
        // The kiosk learns it from the board within a few seconds: the long wait ends.
        let learned = terminal.bytes.count
        #expect(terminal.waitFor("Bước 6/12", after: learned), "the screen was not redrawn after the board answered")
        #expect(!String(decoding: terminal.bytes[learned...], as: UTF8.self).contains("Máy giữ màn hình này"))

        // The citizen stops: the call ends (the lamp goes off).
        let stop = terminal.bytes.count
        terminal.send(Array("/\r".utf8))
        #expect(terminal.waitFor("Bạn muốn dừng", after: stop))
        terminal.send(Array("1\r".utf8))
        #expect(terminal.waitFor("Mã để làm tiếp: 21-6.", after: stop))
        terminal.send(Array("\r".utf8))
        #expect(terminal.waitFor("Xin chào!", after: stop))

        // "I need staff" at the end: a new call, and the summary waits for staff.
        let end = terminal.bytes.count
        terminal.send(Array("21-12\r".utf8))
        #expect(terminal.waitFor("Bước 12/12", after: end))
        terminal.send(Array("1\r".utf8))
        #expect(terminal.waitFor("Bạn đã tự mình làm xong", after: end))
        terminal.send(Array("2\r".utf8))
        #expect(terminal.waitFor("Đã làm đến: bước 12/12", after: end))
        #expect(terminal.waitFor("Mã để làm tiếp: 21-12.", after: end))
        #expect(try KioskProcess.run(["board", "--once"], sandbox: sandbox).stdout.contains("tay-hoa-2: Đăng ký khai sinh"))
        let enter = terminal.bytes.count
        terminal.send(Array("\r".utf8))
        #expect(terminal.waitFor("Dành cho cán bộ: khi đã đến giúp, gõ 00 rồi bấm Enter.", after: enter), "Enter cleared the summary")
        terminal.send(Array("00\r".utf8))
        #expect(terminal.waitFor("Xin chào!", after: enter))
        #expect(try KioskProcess.run(["board", "--once"], sandbox: sandbox).stdout.contains("Không có máy nào đang chờ."))
        // Answered on the board, the first call turned the lamp off at the kiosk's next look; the second was answered at
        // the terminal.
        #expect(Self.contents(calls, becoming: "lamp call tay-hoa-2 quầy 2\nlamp answered tay-hoa-2 quầy 2\n"
            + "lamp call tay-hoa-2 quầy 2\nlamp answered tay-hoa-2 quầy 2\n"), "\((try? String(contentsOfFile: calls, encoding: .utf8)) ?? "")")
    }

    /// Without a database the board cannot show, and without a notify command nothing else takes the call: the
    /// citizen is told to raise a hand, never promised a visit.
    @Test func aCallThatReachesNobodyIsNotPromised() throws {
        let result = try KioskProcess.run(["run", "--db", "/dev/null/none.db"], stdin: "21-3\n0\n")
        #expect(result.stdout.contains("Máy chưa báo được cán bộ. Xin hãy giơ tay"))
        #expect(!result.stdout.contains("Máy đã gửi lời gọi cán bộ"))
        #expect(result.stderr.contains("could not be put on the board"))
    }

    /// `kiosk guide` (a volunteer at a shell) leaves the terminal clean when it ends: nothing of the visitor stays.
    @Test func aVolunteerSessionFromTheShellLeavesTheTerminalClean() throws {
        let terminal = try Tmux(["guide", "21"], width: 80, height: 24)
        try terminal.waitFor("Người dân tự bấm mọi nút")
        try terminal.pageUntil("Bạn đã có đủ những thứ cần mang theo chưa?")
        try terminal.enter("2")
        try terminal.waitFor("Mã của hướng dẫn này: 21.")
        try terminal.enter("")
        try terminal.waitUntil("the kiosk ended") { _ in (try? terminal.isRunning()) == false }
        let everything = try terminal.capture(history: true)
        for trace in ["Đăng ký khai sinh", "Cần mang theo", "Mã để làm tiếp", "Bấm Enter"] {
            #expect(!everything.contains(trace), "\"\(trace)\" is left on the terminal:\n\(everything)")
        }
    }

    /// The volunteer key works, but the citizen's menu does not advertise it (citizens copied it).
    @Test func theMenuDoesNotAdvertiseTheVolunteerKey() throws {
        let result = try KioskProcess.run(["run"], stdin: "\n+\n+21\n")
        let menu = result.stdout.components(separatedBy: "Bạn cần làm thủ tục gì?").dropFirst().first ?? ""
        #expect(!menu.contains("Tình nguyện viên") && !menu.contains("+21"), "\(menu)")
        #expect(result.stdout.contains("Người dân tự bấm mọi nút trên điện thoại; tình nguyện viên chỉ hướng dẫn."))
    }

    /// In plain line mode (a pipe), the kiosk looking at the board every 3 s for an open call writes no new prompts.
    @Test func lookingAtTheBoardWritesNothingInPlainMode() throws {
        let sandbox = try TestSandbox()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "(printf '21-3\\n0\\n'; sleep 7) | \"$0\" run", KioskProcess.binary.path]
        process.environment = sandbox.environment
        process.currentDirectoryURL = KioskProcess.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("Máy đã gửi lời gọi cán bộ"), "\(text)")
        // Welcome, step 3, the call: one prompt per screen, none for the two or three looks at the board.
        #expect(text.components(separatedBy: "> ").count - 1 == 3, "\(text)")
    }

    /// Waits (at most 8 s) until the file at `path` holds exactly `expected`.
    static func contents(_ path: String, becoming expected: String) -> Bool {
        let deadline = Date().addingTimeInterval(8)
        while Date() < deadline {
            if (try? String(contentsOfFile: path, encoding: .utf8)) == expected { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}
