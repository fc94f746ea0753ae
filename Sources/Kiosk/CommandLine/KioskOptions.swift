import Telemetry
/// The options of the `kiosk` commands, each defined once, and the groups several commands share.
enum KioskOptions {
    static let guides = Option("--guides", "DIR", help: "the guide directory (default: ./guides, or $KIOSK_GUIDES)")
    static let locales = Option("--locales", "DIR", help: "the locale directory (default: ./locales, or $KIOSK_LOCALES)")
    static let config = Option("--config", "FILE",
        help: "configuration file (default: $KIOSK_CONFIG, else /etc/kiosk/kiosk.conf when it exists)")
    static let database = Option("--db", "FILE", help: "the statistics database (default: the kiosk's own, see docs/operations.md)")
    static let terminal = Option("--terminal", "ID", help: "this terminal's id in statistics")
    static let idleWarning = Option("--idle-warning", "S", .number(2...3600),
        help: "seconds without a key before \"are you still there?\" (default 120)")
    static let idleReset = Option("--idle-reset", "S", .number(1...600),
        help: "seconds after that before the terminal is wiped (default 30)")
    static let noKiosk = Option(flag: "--no-kiosk", help: "for development: Ctrl-D leaves the program")
    static let allLanguages = Option(flag: "--all-languages",
        help: "offer every language that has a catalog and show every translated line (pilots with translators)")
    static let language = Option("--lang", "CODE", help: "the language (lines not yet translated stay in Vietnamese)")
    static let visitorLanguage = Option("--lang", "CODE", help: "the visitor's language (default: the configured default)")
    static let searchLanguage = Option("--lang", "CODE",
        help: "the language the visitor chose: its translation and Vietnamese are searched (default: vi)")
    static let showFormat = Option("--format", "F", .choice(["text", "markdown", "html"]),
        help: "text (default), markdown (for a web page or chat), or html (one self-contained page that prints on A4)")
    static let posterFormat = Option("--format", "F", .choice(["text", "html"]),
        help: "text (default) or html (one self-contained page that prints on A4)")
    static let width = Option("--width", "N", .number(30...200), help: "line width of the text printout (default: 72)")
    static let maximumAge = Option("--max-age", "DAYS", .number(1...36500),
        help: "warn when sources were checked longer ago than this (default: 180)")
    static let searchAll = Option(flag: "--all",
        help: "every guide that fits, drafts too, with how much of the words it explains (for guide authors)")
    static let day = Option("--day", "DATE", help: "one day: YYYY-MM-DD, today or yesterday (the default is today)")
    static let from = Option("--from", "DATE", help: "first day of a range (with --to)")
    static let to = Option("--to", "DATE", help: "last day of a range, inclusive")
    static let month = Option("--month", "YYYY-MM", help: "a calendar month")
    static let quarter = Option("--quarter", "YYYY-Qn", help: "a calendar quarter, such as 2026-Q4")
    static let year = Option("--year", "YYYY", help: "a calendar year")
    static let everyDay = Option(flag: "--all", help: "every day in the database")
    static let by = Option("--by", "DIMS",
        help: "comma-separated: guide, lang, launched-by, outcome, commune, terminal, month, week, day, hour")
    static let reportFormat = Option("--format", "F", .choice(["table", "csv", "json", "html", "xlsx"]),
        help: "table (default), csv (RFC 4180, UTF-8), json, html (the one-page report to print or send) or xlsx (a spreadsheet)")
    static let reportLanguage = Option("--lang", "vi|en", .choice(["vi", "en"]),
        help: "csv, xlsx, html: the language of headers and names (default: vi)")
    static let codes = Option(flag: "--codes", help: "csv, xlsx: stable English codes as headers and values, for programs")
    static let exportFormat = Option("--format", "F", .choice(["jsonl", "csv"]),
        help: "jsonl (default: every line type, to import or load) or csv (one table, with --table, for COPY)")
    static let exportTable = Option("--table", "T", .choice(ExchangeTable.allCases.map(\.rawValue)),
        help: "csv: the table to write: session, step_event, daily, daily_step, purged or commune")
    static let output = Option("--output", "FILE", help: "write to FILE instead of standard output (needed for xlsx on a terminal)")
    static let excel = Option(flag: "--excel", help: "start the CSV with a byte-order mark so Excel reads Vietnamese correctly")
    static let minimumCount = Option("--min-count", "K", .number(1...1_000_000),
        help: "leave out rows with fewer than K sessions (for publication); the report says so")
    static let byUsage = Option(flag: "--by-usage",
        help: "status: list the lines still to translate, those citizens met most in the last 90 days first")
    static let workLanguage = Option("--lang", "CODE", help: "status --by-usage: only this language")
    static let before = Option("--before", "DATE", help: "purge sessions of days before this one (YYYY-MM-DD)")

    /// What `kiosk run` and `kiosk guide` share.
    static let kiosk = [config, guides, locales, database, terminal, idleWarning, idleReset, noKiosk, allLanguages]
    /// The database and the period of the statistics commands.
    static let period = [database, day, from, to, month, quarter, year]
}
