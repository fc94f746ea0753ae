import Foundation
import Guides
import Telemetry

/// `kiosk board`: the staff view of calls for help. Lists the terminals waiting (terminal, guide and step, since
/// when), refreshes by itself, and marks a call answered when staff type its number. `--once` prints the list once.
enum BoardCommand {
    static let once = Option(flag: "--once", help: "print the waiting list once and exit (for scripts)")
    static let refresh = Option("--refresh", "S", .number(1...60), help: "seconds between refreshes (default: 3)")

    static let command = Command(
        name: "board",
        summary: "show the terminals waiting for staff and mark calls answered",
        options: [KioskOptions.database, KioskOptions.guides, KioskOptions.locales, KioskOptions.language, once, refresh],
        notes: "Run it on a staff terminal of the kiosk machine, or on any machine that reads the same database.",
        run: run)

    /// One open call as staff read it, with the number staff type for it.
    struct Row {
        let number: Int
        let call: StaffCall
        let text: String
    }

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        let path = try StatisticsOptions.databasePath(arguments)
        let ui = UICatalog(contentsOf: Paths.locales(arguments[KioskOptions.locales]) + "/ui.vi.txt")
        var localizer = Localizer(ui: ui)
        if let code = arguments[KioskOptions.language], code != "vi" {
            localizer = try LocalizerLoader.load(code, locales: Paths.locales(arguments[KioskOptions.locales]))
        }
        let library = Library.load(directory: Paths.guides(arguments[KioskOptions.guides]), options: Library.Options(today: Clock.today()))
        var numbers = Numbers()
        let database = BoardDatabase(path: path)
        if arguments.has(once) {
            guard let calls = database.calls() else {
                throw .failed(localizer.text(.boardUnavailable) + " (\(path))")
            }
            Output.out(lines: screen(rows(calls, numbers: &numbers, library: library, localizer: localizer), localizer: localizer))
            return 0
        }
        let interval = UInt64(arguments.number(refresh) ?? 3) * 1000
        let input = PlainInput()
        let terminal = isatty(1) != 0
        var message: String?
        var drawn: [String]?
        var shown: [Row] = []
        var waiting = Set<Int64>()
        while true {
            var lines: [String]
            if let calls = database.calls() {
                // A message is about the list it was given for: it goes when the list changes. An empty list starts
                // the numbers again at 1 (no number can then be taken for another terminal's).
                let ids = Set(calls.map(\.id))
                if ids != waiting { message = nil }
                waiting = ids
                if calls.isEmpty { numbers = Numbers() }
                shown = rows(calls, numbers: &numbers, library: library, localizer: localizer)
                lines = screen(shown, localizer: localizer)
            } else {
                shown = []
                lines = [localizer.text(.boardUnavailable) + " (\(path))"]
            }
            if let message { lines += ["", message] }
            lines += ["", localizer.text(.boardPrompt)]
            // Redrawn only when something changed: a redraw would hide the digits staff are typing.
            if lines != drawn {
                Output.terminal(TerminalText(control: terminal ? TerminalStyle.forTerminal().wipe : "\n"))
                Output.out(lines: lines)
                Output.out("> ")
                drawn = lines
            }
            switch input.read(prompt: "", deadline: Monotonic.milliseconds() + interval) {
            case .line(let text):
                message = nil
                drawn = nil
                // Numbers stay with their call for as long as the board runs, so a refresh never moves one.
                let typed = text.trimmingCharacters(in: .whitespaces)
                if let number = Int(typed), let row = shown.first(where: { $0.number == number }) {
                    if database.answer(row.call) {
                        message = localizer.text(.boardAnswered, ["terminal": row.call.terminal])
                        // The list changes by this answer: the message stays for it.
                        waiting.remove(row.call.id)
                    }
                } else if !typed.isEmpty {
                    message = localizer.text(.noticeInvalidChoice)
                }
            case .endOfInput, .terminate, .interrupt:
                return 0
            default:
                continue
            }
        }
    }

    /// Board numbers: each call gets the next number the first time it is shown, and keeps it.
    struct Numbers {
        private var byCall: [Int64: Int] = [:]
        private var next = 1

        mutating func number(_ call: StaffCall) -> Int {
            if let number = byCall[call.id] { return number }
            byCall[call.id] = next
            next += 1
            return next - 1
        }
    }

    static func rows(_ calls: [StaffCall], numbers: inout Numbers, library: Library, localizer: Localizer, now: Date = Date()) -> [Row] {
        calls.map { Row(number: numbers.number($0), call: $0, text: describe($0, library: library, localizer: localizer, now: now)) }
    }

    /// `kiosk-1: Đăng ký khai sinh…, Bước 6/12, chờ từ 09:41 (3 phút)`, in UTC+7 like every centre in Vietnam.
    static func describe(_ call: StaffCall, library: Library, localizer: Localizer, now: Date) -> String {
        let guide = call.guide.flatMap { library.guide($0) }
        let title = guide.map { localizer.text($0.title) } ?? localizer.text(.boardAtMenu)
        var step = ""
        if let index = call.stepIndex, let guide {
            step = localizer.text(.stepProgress, ["index": String(index), "total": String(guide.mainPath.count)])
        } else if let id = call.step, let found = guide?.step(id) {
            step = localizer.text(found.title)
        }
        let local = Int(call.calledAt) + 7 * 3600
        let since = String(format: "%02d:%02d", (local / 3600) % 24, (local / 60) % 60)
        let minutes = max(0, (Int(now.timeIntervalSince1970) - Int(call.calledAt)) / 60)
        let row = localizer.text(.boardRow, ["terminal": call.terminal, "guide": title, "step": step, "since": since,
            "minutes": String(minutes)])
        return step.isEmpty ? row.replacingOccurrences(of: ", , ", with: ", ") : row
    }

    static func screen(_ rows: [Row], localizer: Localizer) -> [String] {
        var lines = [localizer.text(.boardTitle), ""]
        if rows.isEmpty { lines.append(localizer.text(.boardEmpty)) }
        for row in rows { lines.append("  \(row.number). \(row.text)") }
        return lines
    }
}
