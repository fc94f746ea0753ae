import Foundation
import Guides

/// `kiosk record`: a bilingual staff member or volunteer records voices line by line at the kiosk itself.
enum RecordCommand {
    static let guide = Option("--guide", "ID|CODE", help: "only the lines of this guide (and its shared steps)")
    static let language = Option("--lang", "CODE", help: "the language to record (vi for Vietnamese voices)")

    static let command = Command(
        name: "record",
        summary: "record voices line by line, the lines citizens meet most first (staff and volunteers)",
        options: [language, guide, KioskOptions.config, KioskOptions.guides, KioskOptions.locales,
            KioskOptions.database],
        notes: """
            Each line shows its Vietnamese and its translation (if any). Enter starts recording, Enter again stops; the
            recording plays back; 1 keeps it (saved at once, under locales/audio/<lang>/), 2 records again, 3 listens
            again, 4 or 2 before recording skips the line, / stops. Stale recordings (the Vietnamese changed) come first,
            then the lines most met in the last 90 days of statistics (--db), skipped lines last; the next run continues
            where this one stopped. The recorder is audio-recorder in the configuration (default: arecord, 16 kHz mono);
            the player is audio-player. Nothing recorded goes into the statistics. It refuses to run inside the
            citizen's kiosk session (KIOSK_CITIZEN_SESSION is set there).
            """,
        run: run)

    /// Set in the environment of `kiosk run` and `kiosk guide` (and so of anything they start), and by the service.
    static let citizenSession = "KIOSK_CITIZEN_SESSION"

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        guard ProcessInfo.processInfo.environment[citizenSession] == nil else {
            throw .failed("kiosk record is for staff and volunteers: it does not run inside the citizen's kiosk session")
        }
        guard let language = arguments[Self.language] else { throw .usage("--lang CODE is needed: the language to record") }
        let (configuration, problems) = Configuration.load(flag: arguments[KioskOptions.config])
        guard problems.isEmpty else { throw .diagnostics(problems) }
        let locales = Paths.locales(arguments[KioskOptions.locales] ?? configuration.locales)
        let languages = LanguageList(contentsOf: locales + "/languages.txt").languages.map(\.code)
        guard languages.contains(language) else {
            throw .usage("no language \"\(Quoted.escape(language))\" in \(locales)/languages.txt" + Suggestion.suffix(for: language, among: languages))
        }
        let library = Library.load(directory: Paths.guides(arguments[KioskOptions.guides] ?? configuration.guides),
            options: Library.Options(today: Clock.today()))
        let ui = UICatalog(contentsOf: locales + "/ui.vi.txt")
        // The statistics of this kiosk: --db, else the database of the configuration read above (--config included).
        let database = arguments[KioskOptions.database] ?? configuration.database ?? TelemetryRecorder.defaultPath()
        var (order, source) = UsageOrder.read(database: database, ui: ui, library: library)
        var keys: Set<String>?
        if let name = arguments[guide] {
            guard let chosen = library.guide(name) else {
                throw .usage("no guide \"\(Quoted.escape(name))\"" + Suggestion.suffix(for: name, among: library.guides.flatMap { [$0.id, $0.code] }))
            }
            keys = Set(CatalogTemplate.lineKeys(of: chosen))
            source += " Guide \(chosen.code) \(chosen.id) only."
        }
        let translations: Translations
        if language != "vi", FileManager.default.fileExists(atPath: locales + "/\(language).po") {
            translations = Translations(POParser.parse(contentsOf: locales + "/\(language).po").0)
        } else {
            translations = Translations()
        }
        order = WorkOrder(items: order.items.filter { $0.isRecordable && (keys?.contains($0.key) ?? true) })
        // Ctrl-C or SIGTERM stop the sitting like `/`: the recorder and the player (in process groups of their own,
        // which the terminal's Ctrl-C does not reach) are stopped, the draft removed. Programs started from here see
        // their own children end, and take SIGINT as "stop", whatever the parent blocked or ignored (a job started
        // in the background ignores SIGINT; a handled signal is reset to its default in a child).
        Signals.install()
        Signals.unblockAllOnThisThread()
        var session = RecordSession(language: language, folder: locales + "/audio/" + language, order: order,
            vietnamese: Localizer(ui: ui), target: Localizer(language: language, ui: ui, translations: translations),
            recorder: VoiceRecorder(command: configuration.audioRecorder),
            player: AudioPlayer(command: configuration.audioPlayer) { Output.err("kiosk: \($0)\n") })
        Output.out(source + "\n")
        return session.run()
    }
}
