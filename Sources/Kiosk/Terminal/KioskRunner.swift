import Glibc
import Guides

/// Drives the citizen flow at one terminal, as a plain loop: ask the flow for its next deadline, wait for input until
/// then, hand what happened to the flow, record its events, draw its screen. Every policy (when to warn, when to
/// wipe, what a key does) lives in the pure `KioskFlow`.
final class KioskRunner {
    private var flow: KioskFlow
    private let input: LineInput
    private(set) var renderer: ScreenRenderer
    private let recorder: SessionRecorder
    /// Ctrl-D offers a return to the start instead of ending (kiosk mode on a terminal).
    private let kioskMode: Bool
    private let isTerminal: Bool
    /// End the program when the first session ends (`kiosk guide` from a shell).
    private let exitAfterSession: Bool
    /// Guide titles for Tab completion, by language.
    private let completions: [String: [String]]
    private var completionLanguage = ""
    /// When Ctrl-D (end of input) last arrived on the terminal, to tell a person from a dead terminal.
    private var endOfInputTimes: [UInt64] = []

    init(flow: KioskFlow, input: LineInput, renderer: ScreenRenderer, recorder: SessionRecorder,
        kioskMode: Bool, isTerminal: Bool, exitAfterSession: Bool = false, completions: [String: [String]] = [:]) {
        self.completions = completions
        self.flow = flow
        self.input = input
        self.renderer = renderer
        self.recorder = recorder
        self.kioskMode = kioskMode
        self.isTerminal = isTerminal
        self.exitAfterSession = exitAfterSession
    }

    /// Runs until end of input (plain mode), SIGTERM/SIGHUP, or Ctrl-D with `--no-kiosk`. Returns the exit code.
    func run(startingWith first: FlowOutput? = nil, welcomeDrawn: Bool = false) -> Int32 {
        let output = first ?? flow.output()
        if !welcomeDrawn { draw(output, wipe: true) }
        while true {
            let deadline = flow.deadline()
            let event = input.read(prompt: "> ", deadline: deadline?.at)
            let output = handle(event, deadline: deadline, now: Monotonic.milliseconds())
            if output.language != completionLanguage, let titles = completions[output.language] ?? completions["vi"] {
                input.setCompletions(titles)
                completionLanguage = output.language
            }
            recorder.record(output.events)
            if output.resetTerminal { input.forgetEverything() }
            if exitAfterSession, output.events.contains(where: { if case .ended = $0 { true } else { false } }) {
                draw(output, wipe: false)
                if case .thanks = output.view {
                    _ = input.read(prompt: "", deadline: Monotonic.milliseconds() + flow.timing.thanks)
                }
                break
            }
            if output.exit { break }
            // Dropped personal data may still be on screen where it was typed: wipe the scrollback too.
            if output.redraw { draw(output, wipe: output.resetTerminal || output.notice == .personalDataDropped) }
        }
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
            return flow.output()
        }
    }

    /// Clears the screen and the scrollback, then draws `output`: nothing typed on one screen (a name typed into a
    /// step) stays behind in the scrollback once the next screen is drawn, not only at a reset.
    private func draw(_ output: FlowOutput, wipe: Bool) {
        let clear = isTerminal ? renderer.style.wipe : (wipe ? "" : "\n")
        Output.terminal(TerminalText(control: clear) + renderer.render(output))
        input.screenWasRedrawn()
    }
}
