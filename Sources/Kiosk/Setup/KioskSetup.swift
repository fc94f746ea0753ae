import Foundation
import Glibc
import Guides

/// Everything `kiosk run` and `kiosk guide` need, assembled from the config file, flags and data directories.
struct KioskSetup {
    var configuration = Configuration()
    let localizer: Localizer
    let ui: UICatalog
    let localesPath: String
    /// The offered languages, Vietnamese first.
    let languages: [Language]
    let kioskMode: Bool
    let isTerminal: Bool
    /// `--all-languages`: every language with a catalog, every translated line shown (no guide held in Vietnamese).
    let pilot: Bool

    /// Reads configuration and data; throws (a failure for a bad configuration file, a usage error for a bad flag)
    /// when the kiosk cannot start.
    init(_ arguments: Arguments) throws(CommandError) {
        let (loaded, problems) = Configuration.load(flag: arguments[KioskOptions.config])
        guard problems.isEmpty else { throw .diagnostics(problems) }
        configuration = loaded
        let flags: [(Option, String)] = [(KioskOptions.guides, "guides"), (KioskOptions.locales, "locales"),
            (KioskOptions.database, "database"), (KioskOptions.terminal, "terminal"), (KioskOptions.idleWarning, "idle-warning"),
            (KioskOptions.idleReset, "idle-reset")]
        for (option, key) in flags {
            guard let value = arguments[option] else { continue }
            if let message = configuration.set(key, value) {
                throw .usage(message.replacingOccurrences(of: "\"\(key)\"", with: option.name))
            }
        }
        isTerminal = isatty(0) != 0 && isatty(1) != 0
        kioskMode = !arguments.has(KioskOptions.noKiosk)
        pilot = arguments.has(KioskOptions.allLanguages)
        let localesPath = Paths.locales(configuration.locales)
        let list = LanguageList(contentsOf: localesPath + "/languages.txt")
        if list.diagnostics.hasErrors {
            Output.err(list.diagnostics.prefix(10).map { "kiosk: " + $0.description + "\n" }.joined())
        }
        var known = list.languages.isEmpty ? LanguageList.vietnameseOnly : list.languages
        if !configuration.languages.isEmpty {
            known = configuration.languages.compactMap { code in known.first { $0.code == code } }
        }
        // A language is offered once its interface lines are translated (its guides follow one by one, see
        // `loadCatalogs`); Vietnamese, the source, always is. That is decided from a quick scan of each catalog; the
        // offered catalogs are parsed after the welcome screen is drawn, since they stand between start and first
        // screen. The scan runs on the other cores while this one reads the interface texts.
        var offered: [Language] = []
        let others = known.filter { $0.code != "vi" }
        let database = configuration.database ?? TelemetryRecorder.defaultPath()
        let scan = CoverageScan(paths: others.map { localesPath + "/\($0.code).po" },
            cache: URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("catalog-coverage.txt").path)
        let ui = UICatalog(contentsOf: localesPath + "/ui.vi.txt")
        if ui.diagnostics.hasErrors {
            Output.err("kiosk: interface texts have problems; missing words show as their keys:\n"
                + ui.diagnostics.prefix(10).map { "  " + $0.description + "\n" }.joined())
        }
        localizer = Localizer(ui: ui)
        let coverages = Dictionary(uniqueKeysWithValues: zip(others.map(\.code), scan.results()))
        for language in known {
            if language.code == "vi" {
                offered.append(language)
                continue
            }
            guard let scanned = coverages[language.code], let coverage = scanned else { continue }
            if pilot || coverage.translatesInterface {
                offered.append(language)
            } else if coverage.share > 0 {
                // A language in progress: staff see why citizens are not offered it yet.
                Output.err("kiosk: \(language.code) is not offered to citizens yet: \(coverage.missingInterface) interface line(s) are not "
                    + "translated (kiosk locales status)\n")
            }
        }
        let wantedDefault = configuration.defaultLanguage
        if !offered.contains(where: { $0.code == wantedDefault }) {
            Output.err("kiosk: default-language \"\(wantedDefault)\" is not offered (no catalog, or its interface lines "
                + "are not all translated: kiosk locales status); Vietnamese is the default instead\n")
            configuration.defaultLanguage = "vi"
        }
        self.ui = ui
        self.localesPath = localesPath
        languages = offered
    }

    /// Loads the guides; problems go to staff on stderr while the valid guides are served.
    func loadLibrary() -> Library {
        let guidesPath = Paths.guides(configuration.guides)
        let library = Library.load(directory: guidesPath, options: Library.Options(today: Clock.today()))
        if library.diagnostics.hasErrors || library.guides.isEmpty {
            let errors = library.diagnostics.filter { $0.severity == .error }
            let files = Set(errors.map(\.location.path)).count
            Output.err("kiosk: \(errors.count) error(s) in \(files) guide file(s); those guides are left out and the others "
                + "are served. Run `kiosk check --guides \(guidesPath)`:\n"
                + errors.prefix(10).map { "  " + $0.description + "\n" }.joined())
        }
        return library
    }

    /// Parses the catalogs of the offered languages (in parallel) into localizers with their recorded voices, Vietnamese
    /// included; a catalog with errors is reported and its language falls back to Vietnamese. A guide whose lines a
    /// language does not all cover shows in Vietnamese in it (except for pilots, `--all-languages`).
    func loadCatalogs(library: Library) -> [String: Localizer] {
        let codes = languages.map(\.code).filter { $0 != "vi" }
        let parsed = POParser.parse(contentsOf: codes.map { localesPath + "/\($0).po" })
        let audio = localesPath + "/audio"
        var localizers = ["vi": localizer.speaking(Recordings(language: "vi", audio: audio))]
        for (code, (catalog, problems)) in zip(codes, parsed) {
            if problems.hasErrors {
                Output.err("kiosk: locales/\(code).po has errors; that language shows Vietnamese until they are fixed "
                    + "(run `kiosk check`):\n" + problems.prefix(5).map { "  " + $0.description + "\n" }.joined())
                continue
            }
            let localizer = Localizer(language: code, ui: ui, translations: Translations(catalog),
                voices: Recordings(language: code, audio: audio))
            localizers[code] = pilot ? localizer : localizer.covering(library.guides)
        }
        return localizers
    }

    /// The screen renderer for this terminal (or pipe).
    func renderer(localizers: [String: Localizer] = [:]) -> ScreenRenderer {
        let style = isTerminal ? TerminalStyle.forTerminal() : TerminalStyle(enabled: false)
        var renderer = ScreenRenderer(localizer: localizers["vi"] ?? localizer, localizers: localizers, style: style,
            width: isTerminal ? TerminalSize.columns() - 1 : 78,
            centre: configuration.centre, counter: configuration.counter, idleResetSeconds: configuration.idleResetSeconds)
        if isTerminal { renderer.rows = TerminalSize.rows() - 1 }
        renderer.staffWaitMinutes = IdleTiming(staffWaitSeconds: configuration.staffWaitSeconds).staffWaitMinutes
        return renderer
    }

    /// The welcome screen, drawn before the guides load: it needs only the languages and the interface words.
    func drawWelcome(with renderer: ScreenRenderer) {
        let welcome = FlowOutput(view: .welcome(languages.isEmpty ? LanguageList.vietnameseOnly : languages))
        Output.terminal(TerminalText(control: isTerminal ? renderer.style.wipe : "") + (renderer.pages(welcome).first ?? .empty))
    }

    /// A runner over this setup and `library`, reading from the terminal or from a pipe.
    func runner(library: Library, renderer: ScreenRenderer, exitAfterSession: Bool = false) -> KioskRunner {
        // One search over every guide in every offered language: the search box, Tab completion, and whole titles.
        let search = GuideSearch(guides: library.guides, vietnamese: localizer, languages: Array(renderer.localizers.values))
        // The other languages' indexes are built on another core while the first visitor reads the welcome screen.
        Thread.detachNewThread { search.prepare() }
        let flow = KioskFlow(library: library, languages: languages.isEmpty ? LanguageList.vietnameseOnly : languages,
            defaultLanguage: configuration.defaultLanguage, search: search,
            timing: IdleTiming(warningSeconds: configuration.idleWarningSeconds, resetSeconds: configuration.idleResetSeconds,
                staffWaitSeconds: configuration.staffWaitSeconds),
            voices: renderer.localizers.values.contains { $0.voices.hasPlayable })
        let input: LineInput = isTerminal ? ReadlineInput() : PlainInput()
        Signals.install()
        let database = configuration.database ?? TelemetryRecorder.defaultPath()
        let recorder = TelemetryRecorder(path: database, terminal: configuration.terminal, place: configuration.place)
        let caller = StaffCaller(databasePath: database, terminal: configuration.terminal, counter: configuration.counter,
            notifyCommand: configuration.notifyCommand, rings: isTerminal)
        let runner = KioskRunner(flow: flow, input: input, renderer: renderer, recorder: recorder, caller: caller,
            kioskMode: kioskMode, isTerminal: isTerminal, exitAfterSession: exitAfterSession, search: search,
            player: AudioPlayer(command: configuration.audioPlayer, database: database), autoplay: configuration.audioAutoplay)
        return runner
    }
}
