import Foundation

/// Text forms of reports for staff: an aligned table, RFC 4180 CSV (optionally with a BOM for Excel), or JSON.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table, csv, json

    /// One CSV field, quoted when it holds a comma, a quote, CR or LF (RFC 4180; quotes doubled).
    public static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// CSV lines ending in CRLF.
    public static func csv(_ rows: [[String]], excel: Bool) -> String {
        (excel ? "\u{FEFF}" : "") + rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Columns padded to the widest cell (by characters); numbers right-aligned.
    public static func table(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return Int(cell) != nil || cell.hasSuffix("%") ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    /// A percentage with one decimal, or "-".
    public static func percent(_ share: Double?) -> String {
        guard let share else { return "-" }
        return String(format: "%.1f%%", share * 100)
    }

    /// The report in this format.
    public func render(_ report: Report, excel: Bool = false) -> String {
        let header = report.dimensions.map(\.rawValue) + ["sessions"]
        let body = report.rows.map { $0.values + [String($0.sessions)] }
        let kpi = report.kpi
        let kpiRows = [["sessions", String(kpi.sessions)], ["done-by-self", String(kpi.done)], ["handed-to-staff", String(kpi.staff)],
            ["will-do-later", String(kpi.later)], ["lost", String(kpi.lost)],
            ["supported-share", Self.percent(kpi.supportedShare)], ["target", "100.0%"]]
        let note = report.suppressionNote
        // With rows suppressed, totals would reveal them by subtraction: the indicators are left out too.
        let showKPI = report.suppressedRows == 0
        switch self {
        case .table:
            var text = "Period: \(report.period.from) to \(report.period.to)\n\n"
            if !report.dimensions.isEmpty { text += Self.table([header] + body) + "\n" }
            if showKPI { text += Self.table([["indicator", "value"]] + kpiRows) }
            if let note { text += "\nNote: \(note).\n" }
            return text
        case .csv:
            // Every CSV line has the same fields (RFC 4180); the suppression note goes to standard error instead.
            let rows = report.dimensions.isEmpty ? (showKPI ? [["indicator", "value"]] + kpiRows : [["indicator", "value"]]) : [header] + body
            return Self.csv(rows, excel: excel)
        case .json:
            return Self.json(ReportDocument(report: report, showKPI: showKPI), pretty: true)
        }
    }

    /// `value` as JSON (sorted keys, slashes as they are), with a final newline. A value that cannot be encoded
    /// gives an error object, never an empty or partial line.
    public static func json(_ value: some Encodable, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            return "{\"error\":\"the report could not be written as JSON\"}\n"
        }
    }
}

/// A report as JSON: the period, the breakdown, the rows, the indicators (null when rows were suppressed, since
/// totals would reveal them) and what was suppressed.
struct ReportDocument: Encodable {
    struct Period: Encodable {
        let from: String
        let to: String
    }

    struct Indicators: Encodable {
        let sessions: Int
        let doneBySelf: Int
        let handedToStaff: Int
        let willDoLater: Int
        let lost: Int
        let supportedShare: Double?
        let target = 1.0

        enum CodingKeys: String, CodingKey {
            case sessions, lost, target
            case doneBySelf = "done_by_self", handedToStaff = "handed_to_staff", willDoLater = "will_do_later"
            case supportedShare = "supported_share"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(sessions, forKey: .sessions)
            try c.encode(doneBySelf, forKey: .doneBySelf)
            try c.encode(handedToStaff, forKey: .handedToStaff)
            try c.encode(willDoLater, forKey: .willDoLater)
            try c.encode(lost, forKey: .lost)
            try c.encode(supportedShare, forKey: .supportedShare)
            try c.encode(target, forKey: .target)
        }
    }

    /// One row: its dimension values under their names, and the count.
    struct Row: Encodable {
        let values: [(String, String)]
        let sessions: Int

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

    let period: Period
    let by: [String]
    let rows: [Row]
    let kpi: Indicators?
    let suppressed: Suppressed?

    init(report: Report, showKPI: Bool) {
        period = Period(from: report.period.from, to: report.period.to)
        by = report.dimensions.map(\.rawValue)
        rows = report.rows.map { Row(values: Array(zip(report.dimensions.map(\.rawValue), $0.values)), sessions: $0.sessions) }
        let kpi = report.kpi
        self.kpi = showKPI ? Indicators(sessions: kpi.sessions, doneBySelf: kpi.done, handedToStaff: kpi.staff, willDoLater: kpi.later,
            lost: kpi.lost, supportedShare: kpi.supportedShare.map { ($0 * 1000).rounded() / 1000 }) : nil
        suppressed = report.minimumCount > 0 ? Suppressed(rows: report.suppressedRows, minCount: report.minimumCount) : nil
    }

    enum CodingKeys: String, CodingKey {
        case period, by, rows, kpi, suppressed
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(period, forKey: .period)
        try c.encode(by, forKey: .by)
        try c.encode(rows, forKey: .rows)
        try c.encode(kpi, forKey: .kpi)
        try c.encodeIfPresent(suppressed, forKey: .suppressed)
    }
}
