import Glibc
import Guides

/// Drives the citizen flow at one terminal: draws screens, reads lines with idle timeouts, handles signals.
final class KioskRunner {
    /// How long the thanks screen stays before the terminal resets by itself (milliseconds).
    static let thanksMilliseconds = 15_000

    private var flow: KioskFlow
    private let input: LineInput
    private(set) var renderer: ScreenRenderer
    private let recorder: SessionRecorder
    private let configuration: Configuration
    /// Ctrl-D offers a return to the start instead of ending (kiosk mode on a terminal).
    private let kioskMode: Bool
    private let isTerminal: Bool
    /// End the program when the first session ends (`kiosk guide` from a shell).
    private let exitAfterSession: Bool
    /// Guide titles for Tab completion, by language.
    private let completions: [String: [String]]
    private var completionLanguage = ""
    private var warned = false
    /// When Ctrl-D (end of input) last arrived on the terminal, to tell a person from a dead terminal.
    private var endOfInputTimes: [UInt64] = []
    private var wipedSinceActivity = true

    init(flow: KioskFlow, input: LineInput, renderer: ScreenRenderer, recorder: SessionRecorder,
        configuration: Configuration, kioskMode: Bool, isTerminal: Bool, exitAfterSession: Bool = false,
        completions: [String: [String]] = [:]) {
        self.completions = completions
        self.flow = flow
        self.input = input
        self.renderer = renderer
        self.recorder = recorder
        self.configuration = configuration
        self.kioskMode = kioskMode
        self.isTerminal = isTerminal
        self.exitAfterSession = exitAfterSession
    }

    /// Runs until end of input (plain mode), SIGTERM/SIGHUP, or Ctrl-D with `--no-kiosk`. Returns the exit code.
    func run(startingWith first: FlowOutput? = nil, welcomeDrawn: Bool = false) -> Int32 {
        var output = first ?? flow.output()
        if first != nil { wipedSinceActivity = false }
        if !welcomeDrawn { draw(output, wipe: true) }
        while true {
            let event = input.read(prompt: "> ", timeoutMilliseconds: timeout())
            output = handle(event)
            if output.language != completionLanguage, let titles = completions[output.language] ?? completions["vi"] {
                input.setCompletions(titles)
                completionLanguage = output.language
            }
            recorder.record(output.events)
            if output.resetTerminal { input.forgetEverything() }
            if exitAfterSession, output.events.contains(where: { if case .ended = $0 { true } else { false } }) {
                draw(output, wipe: false)
                if case .thanks = output.view { _ = input.read(prompt: "", timeoutMilliseconds: Self.thanksMilliseconds) }
                break
            }
            if output.exit { break }
            // Dropped personal data may still be on screen where it was typed: wipe the scrollback too.
            draw(output, wipe: output.resetTerminal || output.notice == .personalDataDropped)
        }
        input.restore()
        recorder.close()
        if isTerminal { Output.out(renderer.style.wipe) }
        return 0
    }

    /// Starts `guide` as a volunteer-assisted session and returns its first screen.
    func startVolunteer(_ guide: Guide, language: String?) -> FlowOutput {
        let output = flow.startVolunteer(guide, language: language)
        recorder.record(output.events)
        return output
    }

    /// How long to wait for the next line.
    private func timeout() -> Int {
        if case .thanks = flow.output().view { return Self.thanksMilliseconds }
        if warned { return configuration.idleResetSeconds * 1000 }
        if case .welcome = flow.output().view, wipedSinceActivity { return -1 }
        return configuration.idleWarningSeconds * 1000
    }

    private func handle(_ event: ReadEvent) -> FlowOutput {
        switch event {
        case .line(let text):
            warned = false
            wipedSinceActivity = false
            let output = flow.handle(.line(text))
            if output.keepInHistory && output.notice != .personalDataDropped { input.remember(text) }
            return output
        case .timeout:
            if case .thanks = flow.output().view { return idleReset() }
            if warned { return idleReset() }
            if case .welcome = flow.output().view { return idleReset() }
            warned = true
            return flow.handle(.idleWarning)
        case .interrupt:
            return flow.handle(.interrupt)
        case .endOfInput:
            // Ctrl-D at the kiosk offers a return to the start; but a terminal that keeps returning end of input
            // at once is gone, and the kiosk must stop rather than spin.
            if isTerminal && kioskMode {
                let now = Monotonic.milliseconds()
                endOfInputTimes = endOfInputTimes.filter { now - $0 < 1000 } + [now]
                if endOfInputTimes.count < 20 { return flow.handle(.interrupt) }
                Output.err("kiosk: the terminal keeps reporting end of input; stopping\n")
                return flow.handle(.terminate)
            }
            return flow.handle(.endOfInput)
        case .terminate:
            return flow.handle(.terminate)
        case .resize:
            renderer.width = TerminalSize.columns() - 1
            return flow.output()
        }
    }

    private func idleReset() -> FlowOutput {
        warned = false
        wipedSinceActivity = true
        return flow.handle(.idleTimeout)
    }

    /// Clears the screen (and, on a reset, the scrollback) and draws `output`.
    private func draw(_ output: FlowOutput, wipe: Bool) {
        let clear = isTerminal ? (wipe ? renderer.style.wipe : renderer.style.clearScreen) : (wipe ? "" : "\n")
        Output.out(clear + renderer.render(output))
    }
}
