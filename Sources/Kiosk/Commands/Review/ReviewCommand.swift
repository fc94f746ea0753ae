import Foundation
import Guides

/// `kiosk review`: centre staff walk a guide step by step with their own phone in hand, and say for each step
/// whether the phone shows what the guide says.
enum ReviewCommand {
    static let newRound = Option(flag: "--new", help: "start a new review round (each quarter), replacing the last one")

    static let command = Command(
        name: "review",
        summary: "try a guide step by step on a real phone and keep what it showed (centre staff)",
        operands: "ID|CODE", positionals: 1...1,
        options: [newRound, KioskOptions.guides, KioskOptions.locales, KioskOptions.config],
        notes: """
            For each step, with your own phone in hand: 1 the phone shows this, 2 the phone shows something else (then a
            short note of what it showed, and the app or site version), 3 skip, / stop. Every answer is saved at once in
            <guides>/reviews/<id>.review (plain text, one block per step), so a review stopped half-way goes on where it
            stopped. An edited step is asked again. When every step shows on the phone what the guide says, the review
            offers to mark the guide `status: reviewed`. `kiosk check` shows each guide's review and the steps to edit.
            Nothing of a review goes into the statistics. It refuses to run inside the citizen's kiosk session.
            """,
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        guard ProcessInfo.processInfo.environment[RecordCommand.citizenSession] == nil else {
            throw .failed("kiosk review is for centre staff: it does not run inside the citizen's kiosk session")
        }
        // The guides the configuration names (the centre's working copy), unless --guides says otherwise.
        let (configuration, problems) = Configuration.load(flag: arguments[KioskOptions.config])
        guard problems.isEmpty else { throw .diagnostics(problems) }
        let directory = Paths.guides(arguments[KioskOptions.guides] ?? configuration.guides)
        let today = Clock.today()
        let library = Library.load(directory: directory, options: Library.Options(today: today))
        let name = arguments.positionals[0]
        guard let guide = library.guide(name) else {
            throw .failed("no guide \"\(Quoted.escape(name))\"" + Suggestion.suffix(for: name, among: library.guides.flatMap { [$0.id, $0.code] })
                + (library.rejected.contains(name) ? " (it has errors: run `kiosk check` and mend them first)" : ""))
        }
        let folder = Library.reviewDirectory(of: directory)
        let path = folder + "/" + guide.id + ".review"
        // A review file with a mistake is never overwritten (a save would drop what could not be read): staff mend it,
        // or move it away, first.
        let broken = library.diagnostics.filter { $0.location.path == path && $0.severity == .error }
        if !broken.isEmpty || (FileManager.default.fileExists(atPath: path) && library.reviews[guide.id] == nil) {
            throw .diagnostics(broken.isEmpty ? ["\(path):1:1: error: this review file cannot be read"] : broken.map(\.description))
        }
        // One review of a guide at a time: a second sitting would overwrite the first one's answers.
        guard let lock = ReviewLock(folder: folder, guide: guide.id) else {
            throw .failed("another kiosk review of \(guide.id) is running (\(folder)/.\(guide.id).review.lock); finish it first")
        }
        defer { lock.release() }
        let ui = UICatalog(contentsOf: Paths.locales(arguments[KioskOptions.locales]) + "/ui.vi.txt")
        let existing = arguments.has(newRound) ? nil : library.reviews[guide.id]
        var session = ReviewSession(guide: guide, guides: directory, path: path, existing: existing, today: today,
            ui: Localizer(ui: ui))
        Signals.install()
        Signals.unblockAllOnThisThread()
        return session.run()
    }
}
