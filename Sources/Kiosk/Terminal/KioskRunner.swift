import Foundation
import Guides

/// Drives the citizen flow at one terminal, as a plain loop: ask the flow for its next deadline, wait for input until
/// then, hand what happened to the flow, record its events, place calls for staff, draw its screen a page at a time.
/// Every policy (when to warn, when to wipe, what a key does) lives in the pure `KioskFlow`; paging lives here, since
/// only the terminal knows its height.
final class KioskRunner {
    private var flow: KioskFlow
    private let input: LineInput
    private(set) var renderer: ScreenRenderer
    private let recorder: SessionRecorder
    private let caller: StaffCaller?
    /// Ctrl-D offers a return to the start instead of ending (kiosk mode on a terminal).
    private let kioskMode: Bool
    private let isTerminal: Bool
    /// End the program when the first session ends (`kiosk guide` from a shell).
    private let exitAfterSession: Bool
    /// The search behind Tab completion (the flow's own).
    private let search: GuideSearch?
    private var completionLanguage = ""
    /// Plays a screen's recorded voices: on the listen key, and on every new screen with `autoplay`.
    private let player: AudioPlayer?
    private let autoplay: Bool
    /// When Ctrl-D (end of input) last arrived on the terminal, to tell a person from a dead terminal.
    private var endOfInputTimes: [UInt64] = []
    /// How often an open call is looked up on the board (staff may answer it there), in milliseconds.
    static let boardPoll: UInt64 = 3000
    /// The screen on the terminal, its pages and the page shown.
    private var shown: FlowOutput?
    private var pages: [TerminalText] = []
    private var page = 0

    init(flow: KioskFlow, input: LineInput, renderer: ScreenRenderer, recorder: SessionRecorder, caller: StaffCaller? = nil,
        kioskMode: Bool, isTerminal: Bool, exitAfterSession: Bool = false, search: GuideSearch? = nil,
        player: AudioPlayer? = nil, autoplay: Bool = false) {
        self.search = search
        self.player = player
        self.autoplay = autoplay
        self.flow = flow
        self.input = input
        self.renderer = renderer
        self.recorder = recorder
        self.caller = caller
        self.kioskMode = kioskMode
        self.isTerminal = isTerminal
        self.exitAfterSession = exitAfterSession
    }

    /// Runs until end of input (plain mode), SIGTERM/SIGHUP, or Ctrl-D with `--no-kiosk`. Returns the exit code.
    func run(startingWith first: FlowOutput? = nil, welcomeDrawn: Bool = false) -> Int32 {
        let output = first ?? flow.output()
        // The welcome screen was drawn before the recordings were read: drawn again when it has some, so its legend
        // offers the listen key.
        if welcomeDrawn && renderer.recordings(output).isEmpty {
            remember(output)
        } else {
            draw(output)
        }
        while true {
            let deadline = flow.deadline()
            // While a call is open, wake up now and then to see whether staff answered it on the board.
            var wake = deadline?.at
            if caller?.isOpen == true { wake = min(wake ?? .max, Monotonic.milliseconds() + Self.boardPoll) }
            let event = input.read(prompt: "> ", deadline: wake)
            let now = Monotonic.milliseconds()
            if case .timeout = event, now < deadline?.at ?? .max {
                if caller?.answeredOnBoard() == true { draw(flow.handle(.staffCallAnswered, at: now)) }
                continue
            }
            if turnPage(event, now: now) { continue }
            var output = handle(event, deadline: deadline, now: now)
            output = placeCall(output, now: now)
            if output.language != completionLanguage, let search {
                let language = output.language
                input.setCompletions { search.completions($0, language: language) }
                completionLanguage = language
            }
            recorder.record(output.events)
            if output.resetTerminal { input.forgetEverything() }
            // `kiosk guide` ends with its session: when the terminal resets after the farewell (Enter, or its time),
            // or when the session closes from its overview.
            if exitAfterSession, output.resetTerminal || output.sessionClosed {
                caller?.end(.left, waiting: true)
                break
            }
            if output.exit { break }
            if output.redraw { draw(output) }
            if output.listen { player?.play(renderer.recordings(output)) }
        }
        player?.stop()
        input.restore()
        recorder.close()
        if isTerminal { Output.terminal(TerminalText(control: renderer.style.wipe)) }
        return 0
    }

    /// Starts `guide` as a volunteer-assisted session and returns its first screen.
    func startVolunteer(_ guide: Guide, language: String?) -> FlowOutput {
        let output = flow.startVolunteer(guide, language: language, at: Monotonic.milliseconds())
        recorder.record(output.events)
        return output
    }

    /// Enter shows the next page of a paged screen and `-` the one before; true when it did (the flow only learns
    /// that someone is there).
    private func turnPage(_ event: ReadEvent, now: UInt64) -> Bool {
        guard pages.count > 1, case .line(let text) = event else { return false }
        let key = text.trimmingCharacters(in: .whitespaces)
        if key.isEmpty, page < pages.count - 1 {
            page += 1
        } else if LegendKey(symbol: key) == .back, page > 0 {
            page -= 1
        } else {
            return false
        }
        _ = flow.handle(.keystroke, at: now)
        show()
        return true
    }

    /// Hands a call the flow asked for to the caller, and its result back to the flow; closes a call that ended.
    private func placeCall(_ output: FlowOutput, now: UInt64) -> FlowOutput {
        var output = output
        // At exit the program waits for the notify command, which would otherwise die with it.
        if let ended = output.callEnded { caller?.end(ended, waiting: output.exit) }
        if let request = output.staffCall {
            let delivered = caller?.call(request) ?? false
            let events = output.events
            output = flow.handle(.staffCallResult(delivered: delivered), at: now)
            output.events = events + output.events
        }
        return output
    }

    private func handle(_ event: ReadEvent, deadline: FlowDeadline?, now: UInt64) -> FlowOutput {
        switch event {
        case .line(let text):
            let output = flow.handle(.line(text), at: now)
            if output.keepInHistory && output.notice != .personalDataDropped { input.remember(text) }
            return output
        case .keystroke:
            return flow.handle(.keystroke, at: now)
        case .overlong:
            return flow.handle(.overlongLine, at: now)
        case .timeout:
            return flow.handle(deadline?.input ?? .idleTimeout, at: now)
        case .interrupt:
            return flow.handle(.interrupt, at: now)
        case .endOfInput:
            // Ctrl-D at the kiosk offers a return to the start; but a terminal that keeps returning end of input
            // at once is gone, and the kiosk must stop rather than spin.
            if isTerminal && kioskMode {
                endOfInputTimes = endOfInputTimes.filter { now - $0 < 1000 } + [now]
                if endOfInputTimes.count < 20 { return flow.handle(.interrupt, at: now) }
                Output.err("kiosk: the terminal keeps reporting end of input; stopping\n")
                return flow.handle(.terminate, at: now)
            }
            return flow.handle(.endOfInput, at: now)
        case .terminate:
            return flow.handle(.terminate, at: now)
        case .resize:
            renderer.width = TerminalSize.columns() - 1
            renderer.rows = TerminalSize.rows() - 1
            return flow.output()
        }
    }

    /// Pages `output` and shows the page to show: the first for a new screen, the same one when only a notice changed.
    private func draw(_ output: FlowOutput) {
        let same = shown.map { Self.sameScreen($0, output) } ?? false
        let first = shown == nil
        let wasLast = page == pages.count - 1
        remember(output)
        if !same {
            page = 0
            // A voice belongs to its screen: it stops when the screen changes, and the new one speaks with autoplay.
            player?.stop()
            if autoplay && !output.listen { player?.play(renderer.recordings(output)) }
        }
        // A notice can add a page; a citizen on the page with the choices stays on the page with the choices.
        if same && wasLast { page = pages.count - 1 }
        // "Repeat" shows the step again from its top.
        if case .guide(let screen) = output.view, screen.notice == .shownAgain { page = 0 }
        page = min(page, pages.count - 1)
        // Without a terminal (a pipe), screens are separated by a blank line, except after a reset.
        show(separated: !first && !output.resetTerminal && output.notice != .personalDataDropped)
    }

    private func remember(_ output: FlowOutput) {
        shown = output
        pages = renderer.pages(output)
    }

    /// Clears the screen and the scrollback, then draws the page: nothing typed on one screen (a name typed into a
    /// step) stays behind in the scrollback once the next screen is drawn, not only at a reset.
    private func show(separated: Bool = true) {
        let clear = isTerminal ? renderer.style.wipe : separated ? "\n" : ""
        let text = pages.indices.contains(page) ? pages[page] : .empty
        Output.terminal(TerminalText(control: clear) + text)
        input.screenWasRedrawn()
    }

    /// The same screen, perhaps with another notice: a mistyped number keeps the citizen on the page with the choices.
    static func sameScreen(_ a: FlowOutput, _ b: FlowOutput) -> Bool {
        guard a.language == b.language, a.waitingForStaff == b.waitingForStaff else { return false }
        switch (a.view, b.view) {
        case (.guide(var x), .guide(var y)):
            x.notice = nil
            y.notice = nil
            return x == y
        default:
            return a.view == b.view
        }
    }
}
