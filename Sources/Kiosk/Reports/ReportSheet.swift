import Telemetry

/// A report as one table: every row carries the period and the commune and terminals it covers, the values of its
/// breakdown (a guide with its poster code and title), its counts and shares; a total row gives the indicators.
/// The CSV and each sheet of a spreadsheet are written from it.
struct ReportSheet {
    let name: String
    let header: [String]
    let rows: [[ReportCell]]
    /// What was withheld for publication, said in a last row.
    let note: String?

    /// The sheet of `report`: its breakdown rows, then the total (left out when the indicators are withheld).
    init(_ report: Report, labels: ReportLabels, name: String? = nil) {
        let dims = report.dimensions
        var header = [labels.header(.reportFrom, code: "from"), labels.header(.reportTo, code: "to")]
        // The commune and terminal columns say what each row covers: its own when it is broken down by them, else
        // every one the period has.
        let ownCommune = dims.contains(.commune), ownTerminal = dims.contains(.terminal)
        if !ownCommune { header += [labels.header(.reportCommuneCode, code: "commune_code"), labels.header(.reportCommune, code: "commune")] }
        if !ownTerminal { header.append(labels.header(.reportTerminals, code: "terminals")) }
        for dimension in dims { header += Self.headers(dimension, labels) }
        header += [labels.header(.reportGuided, code: "guided"), labels.header(.reportDone, code: "done_by_self"),
            labels.header(.reportSelfShare, code: "self_share_pct"), labels.header(.reportStaff, code: "handed_to_staff"),
            labels.header(.reportStaffShare, code: "staff_share_pct"), labels.header(.reportLater, code: "will_do_later"),
            labels.header(.reportLaterShare, code: "later_share_pct"), labels.header(.reportLost, code: "lost"),
            labels.header(.reportLostShare, code: "lost_share_pct"), labels.header(.reportInProgress, code: "in_progress")]
        self.header = header
        self.name = name ?? (dims.isEmpty ? labels.text(.reportSheetIndicators)
            : dims.map { Self.headers($0, labels).last ?? $0.rawValue }.joined(separator: ", "))

        let covered: [ReportCell]
        let communes = report.communes
        if communes.count == 1, let only = communes.first {
            covered = [only.isEmpty ? .empty : .text(only), .text(labels.commune(only, names: report.communeNames))]
        } else {
            covered = [.empty, communes.isEmpty ? .empty : .text(labels.codes ? "*" : labels.text(.reportAllCommunes,
                ["count": String(communes.count)]))]
        }
        let terminals: ReportCell = report.terminals.isEmpty ? .empty
            : .text(report.terminals.count <= 10 ? report.terminals.joined(separator: " ") : labels.codes ? "*"
                : labels.text(.reportAllCommunes, ["count": String(report.terminals.count)]))
        func prefix() -> [ReportCell] {
            [.date(report.period.from), .date(report.period.to)] + (ownCommune ? [] : covered) + (ownTerminal ? [] : [terminals])
        }
        func figures(_ kpi: KPI, inProgress: ReportCell) -> [ReportCell] {
            [.number(kpi.guided), .number(kpi.done), .share(kpi.selfShare), .number(kpi.staff), .share(kpi.staffShare),
                .number(kpi.later), .share(kpi.laterShare), .number(kpi.lost), .share(kpi.lostShare), inProgress]
        }
        var rows: [[ReportCell]] = report.rows.map { row in
            prefix() + zip(dims, row.values).flatMap { Self.cells($0, $1, report, labels) } + figures(row.kpi, inProgress: .empty)
        }
        if report.showsIndicators {
            let width = dims.reduce(0) { $0 + Self.headers($1, labels).count }
            let label: [ReportCell] = width == 0 ? [] : [.text(labels.codes ? "total" : labels.text(.reportTotal))]
                + Array(repeating: .empty, count: width - 1)
            rows.append(prefix() + label + figures(report.kpi, inProgress: .number(report.kpi.inProgress)))
        }
        self.rows = rows
        note = Self.note(report, labels)
    }

    /// Columns of one dimension: a guide has its id, poster code and title; a commune its code and name.
    static func headers(_ dimension: ReportDimension, _ labels: ReportLabels) -> [String] {
        switch dimension {
        case .guide: return [labels.header(.reportGuideID, code: "guide"), labels.header(.reportPosterCode, code: "poster_code"),
            labels.header(.reportGuideTitle, code: "title")]
        case .commune: return [labels.header(.reportCommuneCode, code: "commune_code"), labels.header(.reportCommune, code: "commune")]
        case .lang: return [labels.header(.reportLang, code: "lang")]
        case .launchedBy: return [labels.header(.reportLaunchedBy, code: "launched_by")]
        case .outcome: return [labels.header(.reportOutcome, code: "outcome")]
        case .terminal: return [labels.header(.reportTerminal, code: "terminal")]
        case .month: return [labels.header(.reportMonth, code: "month")]
        case .week: return [labels.header(.reportWeek, code: "week")]
        case .day: return [labels.header(.reportDay, code: "day")]
        case .hour: return [labels.header(.reportHour, code: "hour")]
        }
    }

    /// The cells of one dimension's value.
    static func cells(_ dimension: ReportDimension, _ value: String, _ report: Report, _ labels: ReportLabels) -> [ReportCell] {
        switch dimension {
        case .guide:
            let guide = labels.guide(value)
            return [.text(value), guide.code.isEmpty ? .empty : .text(guide.code), .text(guide.title)]
        case .commune: return [value.isEmpty ? .empty : .text(value), .text(labels.commune(value, names: report.communeNames))]
        case .outcome: return [.text(labels.outcome(value))]
        case .launchedBy: return [.text(labels.launcher(value))]
        case .week, .day: return [.date(value)]
        case .hour: return [.number(Int(value) ?? 0)]
        case .lang, .terminal, .month: return [.text(value)]
        }
    }

    /// What was withheld, in the report's language.
    static func note(_ report: Report, _ labels: ReportLabels) -> String? {
        if report.suppressedRows > 0 {
            return labels.text(.reportWithheldRows, ["count": String(report.suppressedRows), "minimum": String(report.minimumCount)])
        }
        if !report.showsIndicators {
            return labels.text(.reportWithheldBase, ["count": String(report.kpi.guided), "minimum": String(report.minimumCount)])
        }
        return nil
    }

    /// The sheet as CSV (RFC 4180, CRLF): every line of the same width, the withheld note in a last line.
    func csv(excel: Bool) -> String {
        var lines = [header] + rows.map { $0.map(\.csv) }
        if let note { lines.append([note] + Array(repeating: "", count: max(0, header.count - 1))) }
        return ReportFormat.csv(lines, excel: excel)
    }
}
