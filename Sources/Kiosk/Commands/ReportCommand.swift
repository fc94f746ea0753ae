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
            KioskOptions.guides],
        notes: """
            The indicators (docs/operations.md): guided (every ended session); done by self and the self-share, the
            plan's indicator, against the 100% target; handed to staff, will do later and lost (abandoned, timed out
            or interrupted), each with its share of the guided; and the sessions still in progress, in no share.
            The funnel shows, per step, how many sessions reached it and how many left there (left ÷ reached);
            --guides orders its steps along the guide and shows their titles.
            """,
        usageLines: ["kiosk report [period options] [--by DIMS] [--format table|csv|json] [--excel] [--min-count K] [--db FILE]",
            "kiosk report funnel GUIDE [period options] [--format table|csv|json] [--excel] [--guides DIR]"],
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        let period = try StatisticsOptions.period(arguments)
        let format = ReportFormat(rawValue: arguments[KioskOptions.reportFormat] ?? "table") ?? .table
        if arguments.positionals.first == "funnel" {
            guard arguments.positionals.count == 2 else { throw .usage("funnel needs a guide id: kiosk report funnel khai-sinh") }
            // The funnel has no breakdown and no suppression: refused rather than ignored (figures for publication
            // must not come out with small counts by mistake).
            if arguments[KioskOptions.by] != nil || arguments[KioskOptions.minimumCount] != nil {
                throw .usage("funnel takes neither --by nor --min-count; it lists every step of one guide")
            }
            return try funnel(arguments.positionals[1], period: period, format: format, arguments: arguments)
        }
        guard arguments.positionals.isEmpty else { throw .usage("unexpected argument \"\(Quoted.escape(arguments.positionals[0]))\"") }
        var dimensions: [ReportDimension] = []
        for name in (arguments[KioskOptions.by] ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let dimension = ReportDimension(rawValue: name) else {
                throw .usage("unknown --by \"\(Quoted.escape(name))\"" + Suggestion.suffix(for: name, among: ReportDimension.allCases.map(\.rawValue)))
            }
            dimensions.append(dimension)
        }
        let minimum = arguments.number(KioskOptions.minimumCount) ?? 0
        let store = try StatisticsOptions.openStore(StatisticsOptions.databasePath(arguments))
        let report: Report
        do {
            report = try Reporter(store: store).report(period, by: dimensions, minimumCount: minimum)
        } catch {
            throw .failed(error.description)
        }
        Output.out(format.render(report, excel: arguments.has(KioskOptions.excel)))
        if format != .table, let note = report.suppressionNote { Output.err("kiosk report: \(note)\n") }
        return 0
    }

    static func funnel(_ guideName: String, period: ReportPeriod, format: ReportFormat, arguments: Arguments) throws(CommandError) -> Int32 {
        let store = try StatisticsOptions.openStore(StatisticsOptions.databasePath(arguments))
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
        switch format {
        case .table: Output.out("Funnel of \(id), \(period.from) to \(period.to)\n\n" + ReportFormat.table([header] + rows))
        case .csv: Output.out(ReportFormat.csv([header] + rows, excel: arguments.has(KioskOptions.excel)))
        case .json: Output.out(ReportFormat.json(sorted.map { FunnelRow(step: $0, title: title(of: $0)) }, pretty: true))
        }
        return 0
    }
}
