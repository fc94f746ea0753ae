import Glibc
import Telemetry

/// One updating line on standard error for a long export or import: lines done, rate and time left. Shown only when
/// standard error is a terminal, at most four times a second; a script or a log sees nothing until the summary.
struct ProgressLine {
    let verb: String
    private let start = Monotonic.milliseconds()
    private var shown: UInt64 = 0
    private var visible = false
    let enabled: Bool

    init(verb: String, enabled: Bool = isatty(2) == 1) {
        self.verb = verb
        self.enabled = enabled
    }

    /// The line for `progress` after `elapsed` milliseconds (without the carriage return that redraws it).
    static func text(_ verb: String, _ progress: ExchangeProgress, elapsed: UInt64) -> String {
        let seconds = max(Double(elapsed) / 1000, 0.001)
        let rate = Double(progress.lines) / seconds
        var text = "\(verb): \(grouped(progress.lines)) lines, \(grouped(Int(rate))) lines/s"
        if progress.total > 0, progress.done > 0, progress.done < progress.total {
            let left = Double(progress.total - progress.done) / (Double(progress.done) / seconds)
            text += ", about " + duration(left) + " left"
        }
        return text
    }

    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole / 60 % 60) min"
    }

    mutating func update(_ progress: ExchangeProgress) {
        guard enabled else { return }
        let now = Monotonic.milliseconds()
        guard now - shown >= 250 else { return }
        shown = now
        visible = true
        Output.progress(Self.text(verb, progress, elapsed: now - start))
    }

    /// Clears the line, so the summary starts on a clean one.
    mutating func finish() {
        guard visible else { return }
        visible = false
        Output.progress(nil)
    }
}
