import Foundation
import Guides
import Telemetry

/// `kiosk report`: counts of guided sessions toward the 100% target, and the funnel of one guide.
enum ReportCommand {
    static let command = Command(
        name: "report",
        summary: "count guided sessions by guide, language, outcome…; or the drop-off funnel of one guide",
        operands: "[funnel GUIDE]", positionals: 0...2,
        options: KioskOptions.period + [KioskOptions.by, KioskOptions.reportFormat, KioskOptions.excel, KioskOptions.minimumCount,
            KioskOptions.guides, KioskOptions.locales, KioskOptions.reportLanguage, KioskOptions.codes, KioskOptions.output],
        notes: """
            The indicators (docs/operations.md): guided (every ended session); done by self and the self-share, the
            plan's indicator, against the 100% target; handed to staff, will do later and lost (abandoned, timed out
            or interrupted), each with its share of the guided; and the sessions still in progress, in no share.
            The funnel shows, per step, how many sessions reached it and how many left there (left ÷ reached);
            --guides orders its steps along the guide and shows their titles.
            html is the one-page report a commune sends up (docs/sending-the-monthly-report.md); csv and xlsx give every
            row its period, commune and terminals, guides with their poster codes and titles, shares as numbers in
            percent, a total row with the indicators; xlsx without --by has a sheet per guide, language, launcher and
            day (week, month).
            """,
        usageLines: ["kiosk report [period options] [--by DIMS] [--format table|csv|json|html|xlsx] [--lang vi|en] [--codes] "
            + "[--excel] [--min-count K] [--output FILE] [--db FILE]",
            "kiosk report funnel GUIDE [period options] [--format table|csv|json] [--excel] [--guides DIR]"],
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        let period = try StatisticsOptions.period(arguments)
        let formatName = arguments[KioskOptions.reportFormat] ?? "table"
        let format = ReportFormat(rawValue: formatName) ?? .table
        if arguments.has(KioskOptions.codes) && formatName != "csv" && formatName != "xlsx" {
            throw .usage("--codes is for --format csv or xlsx")
        }
        if arguments.has(KioskOptions.excel) && formatName != "csv" { throw .usage("--excel is for --format csv") }
        if arguments[KioskOptions.reportLanguage] != nil && !["csv", "xlsx", "html"].contains(formatName) {
            throw .usage("--lang is for --format csv, xlsx or html")
        }
        if arguments.positionals.first == "funnel" {
            guard arguments.positionals.count == 2 else { throw .usage("funnel needs a guide id: kiosk report funnel khai-sinh") }
            // The funnel has no breakdown and no suppression: refused rather than ignored (figures for publication
            // must not come out with small counts by mistake).
            if arguments[KioskOptions.by] != nil || arguments[KioskOptions.minimumCount] != nil {
                throw .usage("funnel takes neither --by nor --min-count; it lists every step of one guide")
            }
            guard ReportFormat(rawValue: formatName) != nil, arguments[KioskOptions.reportLanguage] == nil,
                !arguments.has(KioskOptions.codes)
            else { throw .usage("funnel is written as table, csv or json, with its codes and titles as they are") }
            return try funnel(arguments.positionals[1], period: period, format: format, arguments: arguments)
        }
        guard arguments.positionals.isEmpty else { throw .usage("unexpected argument \"\(Quoted.escape(arguments.positionals[0]))\"") }
        var dimensions: [ReportDimension] = []
        for name in (arguments[KioskOptions.by] ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let dimension = ReportDimension(rawValue: name) else {
                throw .usage("unknown --by \"\(Quoted.escape(name))\"" + Suggestion.suffix(for: name, among: ReportDimension.allCases.map(\.rawValue)))
            }
            guard !dimensions.contains(dimension) else { throw .usage("--by names \(name) twice") }
            dimensions.append(dimension)
        }
        if formatName == "html" && !dimensions.isEmpty { throw .usage("the html report has its own breakdowns; it takes no --by") }
        let minimum = arguments.number(KioskOptions.minimumCount) ?? 0
        let store = try StatisticsOptions.openStore(try StatisticsOptions.databasePath(arguments))
        let reporter = Reporter(store: store)
        switch formatName {
        case "html":
            return try write(Array(try html(reporter, period: period, minimum: minimum, arguments: arguments).utf8), arguments, text: true)
        case "xlsx":
            return try write(try xlsx(reporter, period: period, dimensions: dimensions, minimum: minimum, arguments: arguments), arguments)
        default:
            break
        }
        let report: Report
        do {
            report = try reporter.report(period, by: dimensions, minimumCount: minimum)
        } catch {
            throw .failed(error.description)
        }
        let text: String
        if format == .csv {
            text = ReportSheet(report, labels: try labels(arguments)).csv(excel: arguments.has(KioskOptions.excel))
        } else {
            text = format == .json ? ReportFormat.jsonReport(report) : ReportFormat.tableReport(report)
        }
        if format != .table, let note = report.suppressionNote { Output.err("kiosk report: \(note)\n") }
        return try write(Array(text.utf8), arguments, text: true)
    }

    /// The words of a report: the catalogs of `--lang` (Vietnamese by default), or codes with `--codes`; guides and
    /// catalogs from the flags, else the configuration, else the defaults. Without the interface texts a report
    /// would print its keys: that is an error.
    static func labels(_ arguments: Arguments) throws(CommandError) -> ReportLabels {
        let configuration = Configuration.load(flag: nil).0
        let locales = Paths.locales(arguments[KioskOptions.locales] ?? configuration.locales)
        guard FileManager.default.fileExists(atPath: locales + "/ui.vi.txt") else {
            throw .failed("no interface texts at \(Quoted.escape(locales))/ui.vi.txt (give --locales DIR)")
        }
        let library = Library.load(directory: Paths.guides(arguments[KioskOptions.guides] ?? configuration.guides),
            options: Library.Options(today: Clock.today()))
        let language = arguments[KioskOptions.reportLanguage] ?? "vi"
        var labels = ReportLabels(localizer: try LocalizerLoader.load(language, locales: locales), codes: arguments.has(KioskOptions.codes),
            library: library)
        for entry in LanguageList(contentsOf: locales + "/languages.txt").languages {
            labels.languageNames[entry.code] = language == "en" ? entry.name : entry.vietnameseName
        }
        labels.configuredCentre = configuration.centre
        if !configuration.communeCode.isEmpty {
            labels.configuredCommune = configuration.communeCode
            labels.configuredCommuneName = configuration.commune
        }
        return labels
    }

    /// The dimension of a period's time chart: days up to a month, weeks up to a quarter, months beyond.
    static func timeDimension(_ period: ReportPeriod) -> ReportDimension {
        guard let from = Day(period.from), let to = Day(period.to) else { return .day }
        let days = to.daysSinceEpoch - from.daysSinceEpoch + 1
        return days <= 31 ? .day : days <= 92 ? .week : .month
    }

    static func html(_ reporter: Reporter, period: ReportPeriod, minimum: Int, arguments: Arguments) throws(CommandError) -> String {
        let labels = try labels(arguments)
        let time = timeDimension(period)
        do {
            let report = try reporter.report(period, by: [.guide, .lang, .launchedBy, time], minimumCount: 0)
            let before = ReportPeriods.previous(period)
            var previous: Report?
            if let before { previous = try reporter.report(before, by: [], minimumCount: minimum) }
            let leaving = try reporter.leavingPlaces(period, limit: 3, atLeast: minimum)
            let today = Clock.today()
            let page = HTMLReport(report: report, time: time,
                previous: previous.flatMap { $0.kpi.guided > 0 && $0.showsIndicators ? (period: $0.period, kpi: $0.kpi) : nil },
                leaving: leaving, labels: labels,
                minimumCount: minimum, today: today)
            if let note = Report.suppressionNote(page.parts()) { Output.err("kiosk report: \(note)\n") }
            return page.html()
        } catch {
            throw .failed(error.description)
        }
    }

    /// The workbook: the indicators, then the breakdown asked for, or without --by one sheet each by guide,
    /// language, launcher and time. With any cell withheld anywhere, the indicators are withheld everywhere.
    static func xlsx(_ reporter: Reporter, period: ReportPeriod, dimensions: [ReportDimension], minimum: Int,
        arguments: Arguments) throws(CommandError) -> [UInt8] {
        let labels = try labels(arguments)
        let scan = dimensions.isEmpty ? [.guide, .lang, .launchedBy, timeDimension(period)] : dimensions
        let report: Report
        do {
            report = try reporter.report(period, by: scan, minimumCount: 0)
        } catch {
            throw .failed(error.description)
        }
        let breakdowns = dimensions.isEmpty ? scan.map { report.rolledUp(to: [$0], minimumCount: minimum) }
            : [report.rolledUp(to: dimensions, minimumCount: minimum)]
        // One document: when one sheet withholds the indicators, every sheet does.
        let parts = Report.disclosed([report.rolledUp(to: [], minimumCount: minimum)] + breakdowns)
        let sheets = parts.map { ReportSheet($0, labels: labels) }
        if let note = Report.suppressionNote(parts) { Output.err("kiosk report: \(note)\n") }
        return XLSXWriter.workbook(sheets, vietnameseDates: !labels.english && !labels.codes)
    }

    /// Writes the report to `--output FILE` (whole, or not at all) or to standard output. A spreadsheet is not sent
    /// to a terminal, where it would only be noise.
    static func write(_ bytes: [UInt8], _ arguments: Arguments, text: Bool = false) throws(CommandError) -> Int32 {
        if let path = arguments[KioskOptions.output] {
            do {
                try WholeFile.write(bytes, to: path)
            } catch {
                throw .failed("could not write \(Quoted.escape(path)): \(error.reason)")
            }
            return 0
        }
        if text {
            Output.out(String(decoding: bytes, as: UTF8.self))
        } else {
            guard isatty(1) == 0 else { throw .usage("a spreadsheet is not shown on a terminal: add --output report.xlsx") }
            Output.out(binary: bytes)
        }
        return 0
    }

    static func funnel(_ guideName: String, period: ReportPeriod, format: ReportFormat, arguments: Arguments) throws(CommandError) -> Int32 {
        let store = try StatisticsOptions.openStore(try StatisticsOptions.databasePath(arguments))
        let library = Library.load(directory: Paths.guides(arguments[KioskOptions.guides]), options: Library.Options(today: Clock.today()))
        let guide = library.guide(guideName)
        let id = guide?.id ?? guideName
        let steps: [FunnelStep]
        do {
            steps = try Reporter(store: store).funnel(guide: id, period: period)
        } catch {
            throw .failed(error.description)
        }
        // A name that is no guide and has no sessions is a typing mistake, not an empty funnel. (A guide removed since
        // still has its funnel.)
        if guide == nil && steps.isEmpty {
            throw .failed("no guide \"\(Quoted.escape(guideName))\"" + Suggestion.suffix(for: guideName, among: library.guides.flatMap { [$0.id, $0.code] }))
        }
        // Along the guide's main path first, then branches in file order, then anything the guide no longer has.
        let order = Dictionary(uniqueKeysWithValues: (guide?.steps ?? []).enumerated().map { ($0.element.id, $0.offset) })
        let main = guide?.mainPath ?? []
        let sorted = steps.sorted { a, b in
            // The overview comes before every step.
            let ka = (a.guide == id ? (a.isOverview ? 0 : 1) : 2, main.firstIndex(of: a.step) ?? main.count, order[a.step] ?? Int.max, a.step)
            let kb = (b.guide == id ? (b.isOverview ? 0 : 1) : 2, main.firstIndex(of: b.step) ?? main.count, order[b.step] ?? Int.max, b.step)
            return ka < kb
        }
        let header = ["guide", "step", "title", "reached", "left", "staff", "later", "lost", "left-rate"]
        func title(of step: FunnelStep) -> String {
            // The overview's title is the guide's own: it is the screen that shows the title and what to bring.
            if step.isOverview { return (step.guide == id ? guide : library.guide(step.guide))?.title.text ?? "" }
            return (step.guide == id ? guide : library.guide(step.guide))?.step(step.step)?.title.text ?? ""
        }
        let rows = sorted.map { step -> [String] in
            [step.guide, step.isOverview ? "(overview)" : step.step, title(of: step), String(step.reached), String(step.left), String(step.leftStaff),
                String(step.leftLater), String(step.leftLost), ReportFormat.percent(step.dropOff)]
        }
        let text: String
        switch format {
        case .table: text = "Funnel of \(id), \(period.from) to \(period.to)\n\n" + ReportFormat.table([header] + rows)
        case .csv: text = ReportFormat.csv([header] + rows, excel: arguments.has(KioskOptions.excel))
        case .json: text = ReportFormat.json(sorted.map { FunnelRow(step: $0, title: title(of: $0)) }, pretty: true)
        }
        return try write(Array(text.utf8), arguments, text: true)
    }
}
