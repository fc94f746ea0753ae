import Foundation
import Guides

/// One sitting of `kiosk review`: the guide's steps still to answer, each shown as the guide says it, answered by
/// staff with their own phone in hand, and saved before the next step shows, so stopping loses nothing answered.
struct ReviewSession {
    let guide: Guide
    /// The guide directory (to check the guide again after marking it reviewed).
    let guides: String
    /// `<guides>/reviews/<id>.review`.
    let path: String
    let today: Day
    let ui: Localizer
    private var review: Review
    private let resuming: Bool
    private let input = LineReader()
    private var saved = 0

    init(guide: Guide, guides: String, path: String, existing: Review?, today: Day, ui: Localizer) {
        self.guide = guide
        self.guides = guides
        self.path = path
        self.today = today
        self.ui = ui
        resuming = existing != nil
        review = existing ?? Review(guide: guide.id, started: today, version: "", path: path)
    }

    private func say(_ key: UIText, _ values: [String: String] = [:]) { Output.out(ui.text(key, values) + "\n") }

    /// Text from a guide, fit for the terminal.
    private func clean(_ text: String) -> String { TextLayout.sanitize(text, keepNewlines: true) }

    mutating func run() -> Int32 {
        var state = ReviewState(guide: guide, review: review)
        let pending = state.pending
        if resuming && pending.isEmpty {
            say(.reviewNothing, ["finished": state.finished.map(\.description) ?? "\(review.started)", "guide": guide.id])
            return finish(state)
        }
        say(.reviewTitle, ["code": guide.code, "title": clean(guide.title.text), "total": String(guide.steps.count)])
        if resuming {
            say(.reviewResume, ["started": "\(review.started)", "answered": String(state.answeredCount),
                "total": String(guide.steps.count), "count": String(pending.count)])
        }
        guard askVersion() else { return stopped() }
        let order = guide.steps.map(\.id)
        for (offset, step) in pending.enumerated() {
            Output.out("\n")
            show(step, left: pending.count - offset, earlier: review.entry(step.id))
            guard let entry = answer(step) else { return stopped() }
            review.record(entry, order: order)
            guard save() else { return 1 }
            saved += 1
            say(entry.result == .skipped ? .reviewSkipped : .reviewSaved)
        }
        state = ReviewState(guide: guide, review: review)
        Output.out("\n")
        guard state.isComplete else { return stopped() }
        say(.reviewComplete, ["total": String(guide.steps.count), "path": path])
        return finish(state)
    }

    /// The end of a complete review: the steps to edit, or the offer to mark the guide reviewed.
    private mutating func finish(_ state: ReviewState) -> Int32 {
        if !state.needsEdit.isEmpty {
            say(.reviewNeedsEdit, ["count": String(state.needsEdit.count), "guide": guide.id])
            return 0
        }
        guard state.isConfirmed, let finished = state.finished,
            guide.status != .reviewed || guide.reviewed != finished else { return 0 }
        say(.reviewConfirmMark, ["day": "\(finished)"])
        while true {
            switch input.next() {
            case .end, .timeout:
                say(.reviewNotMarked, ["guide": guide.id])
                return 0
            case .line(let text):
                switch text.trimmingCharacters(in: .whitespaces) {
                case "1": return mark(finished)
                case "2", "/":
                    say(.reviewNotMarked, ["guide": guide.id])
                    return 0
                default: say(.reviewConfirmMark, ["day": "\(finished)"])
                }
            }
        }
    }

    /// Asks for the app or site version at the start (Enter keeps the one of the round going on); false on stop.
    private mutating func askVersion() -> Bool {
        while true {
            if review.version.isEmpty { say(.reviewVersion) } else { say(.reviewVersionKept, ["version": clean(review.version)]) }
            guard case .line(let text) = input.next() else { return false }
            let typed = text.trimmingCharacters(in: .whitespaces)
            if typed == "/" { return false }
            if !typed.isEmpty {
                guard !ReviewNote.looksPersonal(typed) else {
                    say(.reviewNotePersonal)
                    continue
                }
                review.version = String(typed.prefix(120))
            }
            if !review.version.isEmpty { return true }
        }
    }

    /// The step as the citizen's guide shows it, for staff to compare with their phone.
    private func show(_ step: Step, left: Int, earlier: ReviewEntry?) {
        let index = (guide.steps.firstIndex { $0.id == step.id } ?? 0) + 1
        say(.reviewStep, ["index": String(index), "total": String(guide.steps.count), "step": step.id, "left": String(left)])
        if let earlier {
            if !earlier.isFresh(for: step) {
                say(.reviewChanged, ["day": "\(earlier.day)"])
            } else if earlier.result == .skipped {
                say(.reviewEarlier)
            }
        }
        var lines = ["  " + clean(step.title.text)]
        if let body = step.body { lines += body.text.split(separator: "\n").map { "    " + clean(String($0)) } }
        lines += step.warnings.map { "    ! " + clean($0.text) }
        if let check = step.check { lines.append("    ? " + clean(check.text)) }
        lines.append("  " + ui.text(.reviewChoices) + ":")
        lines += step.choices.enumerated().map { "    \($0.offset + 1). " + clean($0.element.label.text) }
        Output.out(lines.joined(separator: "\n") + "\n")
    }

    /// Staff's answer for `step`, or nil when they stop.
    private func answer(_ step: Step) -> ReviewEntry? {
        while true {
            say(.reviewQuestion)
            guard case .line(let text) = input.next() else { return nil }
            switch text.trimmingCharacters(in: .whitespaces) {
            case "1": return entry(step, .shows, note: nil)
            case "3": return entry(step, .skipped, note: nil)
            case "/": return nil
            case "2":
                guard let note = askNote() else { return nil }
                guard let version = askStepVersion() else { return nil }
                return ReviewEntry(step: step.id, result: .differs, day: today, version: version == review.version ? nil : version,
                    fingerprint: step.fingerprint, note: note)
            default: continue
            }
        }
    }

    private func entry(_ step: Step, _ result: ReviewResult, note: String?) -> ReviewEntry {
        ReviewEntry(step: step.id, result: result, day: today, version: nil, fingerprint: step.fingerprint, note: note)
    }

    /// What the phone showed instead, in staff's words: never empty, never personal data; nil on stop.
    private func askNote() -> String? {
        while true {
            say(.reviewNote)
            guard case .line(let text) = input.next() else { return nil }
            let note = text.trimmingCharacters(in: .whitespaces)
            if note == "/" { return nil }
            if note.isEmpty { continue }
            if ReviewNote.looksPersonal(note) {
                say(.reviewNotePersonal)
                continue
            }
            return String(note.prefix(300))
        }
    }

    /// The app version this screen was seen on: Enter keeps the round's; nil on stop.
    private func askStepVersion() -> String? {
        while true {
            say(.reviewVersionKept, ["version": clean(review.version)])
            guard case .line(let text) = input.next() else { return nil }
            let typed = text.trimmingCharacters(in: .whitespaces)
            if typed == "/" { return nil }
            if typed.isEmpty { return review.version }
            if ReviewNote.looksPersonal(typed) {
                say(.reviewNotePersonal)
                continue
            }
            return String(typed.prefix(120))
        }
    }

    private func stopped() -> Int32 {
        say(.reviewStopped, ["saved": String(saved), "path": path])
        return 0
    }

    /// Writes the whole review: a new file beside the old, synced, then renamed over it, so a crash or power cut
    /// leaves the last saved answers, never half a file.
    private func save() -> Bool {
        do {
            try Self.writeWhole(review.text(for: guide), to: path)
            return true
        } catch {
            say(.reviewFailed, ["reason": error.localizedDescription])
            return false
        }
    }

    /// Marks the guide reviewed on `day`, then loads the library again: if the guide no longer loads, the file is
    /// put back as it was.
    private func mark(_ day: Day) -> Int32 {
        let file = guide.path
        guard let original = try? String(contentsOfFile: file, encoding: .utf8),
            let marked = StatusPromotion.apply(to: original, day: day) else {
            say(.reviewMarkFailed, ["path": file, "reason": "no status: line found"])
            return 1
        }
        do {
            try Self.writeWhole(marked, to: file)
        } catch {
            say(.reviewMarkFailed, ["path": file, "reason": error.localizedDescription])
            return 1
        }
        let library = Library.load(directory: guides, options: Library.Options(today: today))
        guard library.guide(guide.id)?.status == .reviewed else {
            let reason = (library.diagnostics.first { $0.location.path == file && $0.severity == .error }
                ?? library.diagnostics.first { $0.location.path == file })?.description ?? "the guide no longer loads"
            do {
                try Self.writeWhole(original, to: file)
            } catch {
                // The marked file stays: say so, rather than that the file is as it was.
                say(.reviewFailed, ["reason": "\(reason); \(error.localizedDescription)"])
                return 1
            }
            say(.reviewMarkFailed, ["path": file, "reason": reason])
            return 1
        }
        say(.reviewMarked, ["path": file])
        return 0
    }

    /// `text` into `path` whole or not at all (`WholeFile`), the folder made first.
    static func writeWhole(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do {
            try WholeFile.write(Array(text.utf8), to: path)
        } catch {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot save \(error.path) (\(error.reason))"])
        }
    }
}
