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
        // The commune and terminal of a row are in the columns every row has; they are not repeated as dimensions.
        let dims = report.dimensions.filter { $0 != .commune && $0 != .terminal }
        let communeIndex = report.dimensions.firstIndex(of: .commune), terminalIndex = report.dimensions.firstIndex(of: .terminal)
        var header = [labels.header(.reportFrom, code: "from"), labels.header(.reportTo, code: "to"),
            labels.header(.reportCommuneCode, code: "commune_code"), labels.header(.reportCommune, code: "commune"),
            labels.header(.reportTerminals, code: "terminals")]
        for dimension in dims { header += Self.headers(dimension, labels) }
        header += [labels.header(.reportGuided, code: "guided"), labels.header(.reportDone, code: "done_by_self"),
            labels.header(.reportSelfShare, code: "self_share_pct"), labels.header(.reportStaff, code: "handed_to_staff"),
            labels.header(.reportStaffShare, code: "staff_share_pct"), labels.header(.reportLater, code: "will_do_later"),
            labels.header(.reportLaterShare, code: "later_share_pct"), labels.header(.reportLost, code: "lost"),
            labels.header(.reportLostShare, code: "lost_share_pct"), labels.header(.reportInProgress, code: "in_progress")]
        self.header = header
        if let name {
            self.name = name
        } else if report.dimensions.isEmpty {
            self.name = labels.codes ? "indicators" : labels.text(.reportSheetIndicators)
        } else {
            self.name = report.dimensions.map { labels.codes ? $0.rawValue : Self.headers($0, labels).last ?? $0.rawValue }
                .joined(separator: ", ")
        }

        // What a row covers: its own commune and terminal when broken down by them, else all the period has.
        func communeCells(_ code: String?) -> [ReportCell] {
            if let code { return [code.isEmpty ? .empty : .text(code), .text(labels.commune(code, names: report.communeNames))] }
            let communes = report.communes.isEmpty ? (labels.configuredCommune.map { [$0] } ?? []) : report.communes
            if communes.count == 1, let only = communes.first {
                return [only.isEmpty ? .empty : .text(only), .text(labels.commune(only, names: report.communeNames))]
            }
            return [.empty, communes.isEmpty ? .empty
                : .text(labels.codes ? "*" : labels.text(.reportAllCommunes, ["count": String(communes.count)]))]
        }
        func terminalCell(commune: String?, terminal: String?) -> ReportCell {
            if let terminal { return .text(terminal) }
            let list = commune.map { report.coverage[$0] ?? [] } ?? report.terminals
            if list.isEmpty { return .empty }
            return .text(list.count <= 10 ? list.joined(separator: " ")
                : labels.codes ? "*" : labels.text(.reportAllCommunes, ["count": String(list.count)]))
        }
        func figures(_ kpi: KPI, inProgress: ReportCell) -> [ReportCell] {
            [.number(kpi.guided), .number(kpi.done), .share(kpi.selfShare), .number(kpi.staff), .share(kpi.staffShare),
                .number(kpi.later), .share(kpi.laterShare), .number(kpi.lost), .share(kpi.lostShare), inProgress]
        }
        let period: [ReportCell] = [.date(report.period.from), .date(report.period.to)]
        var rows: [[ReportCell]] = report.rows.map { row in
            let commune = communeIndex.map { row.values[$0] }, terminal = terminalIndex.map { row.values[$0] }
            let own = zip(report.dimensions, row.values).filter { $0.0 != .commune && $0.0 != .terminal }
            return period + communeCells(commune) + [terminalCell(commune: commune, terminal: terminal)]
                + own.flatMap { Self.cells($0.0, $0.1, report, labels) } + figures(row.kpi, inProgress: .empty)
        }
        if report.showsIndicators && (report.kpi.guided > 0 || report.kpi.inProgress > 0 || report.dimensions.isEmpty) {
            let width = dims.reduce(0) { $0 + Self.headers($1, labels).count }
            let total = labels.codes ? "total" : labels.text(.reportTotal)
            var cells = period + communeCells(nil) + [terminalCell(commune: nil, terminal: nil)]
            // "Total" in the first breakdown column; with none, in the commune code column of a breakdown by commune
            // or terminal.
            if width > 0 {
                cells += [.text(total)] + Array(repeating: .empty, count: width - 1)
            } else if !report.dimensions.isEmpty {
                cells[2] = .text(total)
            }
            rows.append(cells + figures(report.kpi, inProgress: .number(report.kpi.inProgress)))
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
        case .lang: return [.text(labels.language(value))]
        case .launchedBy: return [.text(labels.launcher(value))]
        case .week, .day: return [.date(value)]
        case .hour: return [.number(Int(value) ?? 0)]
        case .terminal, .month: return [.text(value)]
        }
    }

    /// What was withheld, in the report's language (never how small a count was).
    static func note(_ report: Report, _ labels: ReportLabels) -> String? {
        let minimum = String(report.minimumCount)
        if report.withheldSmallestRow {
            return labels.text(.reportWithheldIndicators) + " " + labels.text(.reportWithheldSecondary)
        }
        if report.suppressedRows > 0 {
            return labels.text(.reportWithheldRows, ["count": String(report.suppressedRows), "minimum": minimum])
                + (report.showsIndicators ? "" : " " + labels.text(.reportWithheldIndicators))
        }
        if !report.showsIndicators {
            return labels.text(report.indicatorsWithheldElsewhere ? .reportWithheldIndicators : .reportWithheldBase, ["minimum": minimum])
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
