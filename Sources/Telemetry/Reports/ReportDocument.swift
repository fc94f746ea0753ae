import Foundation

/// A report as JSON: the period, the breakdown, the rows, the indicators (null when rows were suppressed, since
/// totals would reveal them) and what was suppressed.
struct ReportDocument: Encodable {
    struct Period: Encodable {
        let from: String
        let to: String
    }

    struct Indicators: Encodable {
        let kpi: KPI
        let target = 1.0

        enum CodingKeys: String, CodingKey {
            case guided, lost, target
            case doneBySelf = "done_by_self", handedToStaff = "handed_to_staff", willDoLater = "will_do_later"
            case inProgress = "in_progress"
            case selfShare = "self_share", staffShare = "staff_share", laterShare = "later_share", lostShare = "lost_share"
        }

        func encode(to encoder: any Encoder) throws {
            let rounded = ReportDocument.rounded
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kpi.guided, forKey: .guided)
            try c.encode(kpi.done, forKey: .doneBySelf)
            try c.encode(rounded(kpi.selfShare), forKey: .selfShare)
            try c.encode(target, forKey: .target)
            try c.encode(kpi.staff, forKey: .handedToStaff)
            try c.encode(rounded(kpi.staffShare), forKey: .staffShare)
            try c.encode(kpi.later, forKey: .willDoLater)
            try c.encode(rounded(kpi.laterShare), forKey: .laterShare)
            try c.encode(kpi.lost, forKey: .lost)
            try c.encode(rounded(kpi.lostShare), forKey: .lostShare)
            try c.encode(kpi.inProgress, forKey: .inProgress)
        }
    }

    /// One row: its dimension values under their names, its ended sessions and how they ended.
    struct Row: Encodable {
        let values: [(String, String)]
        let sessions: Int
        let kpi: KPI

        struct Key: CodingKey {
            let stringValue: String
            init(_ name: String) { stringValue = name }
            init?(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            for (name, value) in values { try c.encode(value, forKey: Key(name)) }
            try c.encode(sessions, forKey: Key("sessions"))
            try c.encode(kpi.done, forKey: Key("done_by_self"))
            try c.encode(ReportDocument.rounded(kpi.selfShare), forKey: Key("self_share"))
            try c.encode(kpi.staff, forKey: Key("handed_to_staff"))
            try c.encode(kpi.later, forKey: Key("will_do_later"))
            try c.encode(kpi.lost, forKey: Key("lost"))
        }
    }

    struct Suppressed: Encodable {
        let rows: Int
        let minCount: Int

        enum CodingKeys: String, CodingKey {
            case rows
            case minCount = "min_count"
        }
    }

    /// A commune the period covers: its code ("" for sessions without one), name and centre.
    struct Commune: Encodable {
        let code: String
        let name: String
        let centre: String
    }

    /// Shares rounded to 0.1% as in the table, so that both say the same.
    static func rounded(_ share: Double?) -> Double? { share.map(ReportFormat.rounded) }

    let period: Period
    let communes: [Commune]
    let terminals: [String]
    let by: [String]
    let rows: [Row]
    let kpi: Indicators?
    let suppressed: Suppressed?

    init(report: Report, showKPI: Bool) {
        period = Period(from: report.period.from, to: report.period.to)
        by = report.dimensions.map(\.rawValue)
        rows = report.rows.map { Row(values: Array(zip(report.dimensions.map(\.rawValue), $0.values)), sessions: $0.sessions, kpi: $0.kpi) }
        communes = report.communes.map { Commune(code: $0, name: report.communeNames[$0]?.name ?? "", centre: report.communeNames[$0]?.centre ?? "") }
        terminals = report.terminals
        let kpi = report.kpi
        self.kpi = showKPI ? Indicators(kpi: kpi) : nil
        suppressed = report.minimumCount > 0 ? Suppressed(rows: report.suppressedRows, minCount: report.minimumCount) : nil
    }

    enum CodingKeys: String, CodingKey {
        case period, communes, terminals, by, rows, kpi, suppressed
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(period, forKey: .period)
        try c.encode(communes, forKey: .communes)
        try c.encode(terminals, forKey: .terminals)
        try c.encode(by, forKey: .by)
        try c.encode(rows, forKey: .rows)
        try c.encode(kpi, forKey: .kpi)
        try c.encodeIfPresent(suppressed, forKey: .suppressed)
    }
}
