import Foundation

/// Text forms of reports for staff: an aligned table, RFC 4180 CSV lines (optionally with a BOM for Excel), JSON.
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

    /// Columns padded to the widest cell (by characters). A column whose every cell below the header is a number
    /// or a share is right-aligned, header included, whichever column it is (`--by hour` puts one first).
    public static func table(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) } }
        func isNumber(_ cell: String) -> Bool { Int(cell) != nil || cell.hasSuffix("%") || cell == "-" }
        let numeric = header.indices.map { column in
            rows.count > 1 && rows.dropFirst().allSatisfy { column >= $0.count || isNumber($0[column]) }
        }
        return rows.map { row in
            var line = row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return index < numeric.count && numeric[index] ? pad + cell : cell + pad
            }.joined(separator: "  ")
            // Only the end is trimmed: a right-aligned first column keeps its padding.
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// A percentage with one decimal, or "-". One rounding rule everywhere, halves away from zero (1/16 is 6.3%),
    /// the same as the JSON shares.
    public static func percent(_ share: Double?) -> String {
        guard let share else { return "-" }
        return String(format: "%.1f%%", rounded(share) * 100)
    }

    /// A share rounded to 0.1% (halves away from zero): the one rounding of every output, table, CSV, JSON,
    /// spreadsheet and page.
    public static func rounded(_ share: Double) -> Double { (share * 1000).rounded() / 1000 }

    /// The report as an aligned table for a terminal (English, the names staff type in `--by`).
    public static func tableReport(_ report: Report) -> String {
        let header = report.dimensions.map(\.rawValue) + ["sessions"]
        // A commune is shown with its name: a code alone means nothing to staff.
        let body = report.rows.map { row in
            zip(report.dimensions, row.values).map { dimension, value in
                guard dimension == .commune else { return value }
                return value.isEmpty ? "-" : [value, report.communeNames[value]?.name ?? ""].joined(separator: " ").trimmingCharacters(in: .whitespaces)
            } + [String(row.sessions)]
        }
        let kpi = report.kpi
        // The plan's indicator first; the other outcomes beside it, as shares of the same base (they add up to 100%).
        let kpiRows = [["guided", String(kpi.guided)], ["done-by-self", String(kpi.done)], ["self-share", Self.percent(kpi.selfShare)],
            ["target", "100.0%"], ["handed-to-staff", String(kpi.staff)], ["staff-share", Self.percent(kpi.staffShare)],
            ["will-do-later", String(kpi.later)], ["later-share", Self.percent(kpi.laterShare)], ["lost", String(kpi.lost)],
            ["lost-share", Self.percent(kpi.lostShare)], ["in-progress", String(kpi.inProgress)]]
        var text = "Period: \(report.period.from) to \(report.period.to)\n\n"
        if !report.dimensions.isEmpty { text += Self.table([header] + body) + "\n" }
        // With rows suppressed, totals would reveal them by subtraction: the indicators are left out too; and so
        // they are when their own base is smaller than the threshold.
        if report.showsIndicators {
            text += Self.table([["indicator", "value"]] + kpiRows)
            text += "\nself-share: guided citizens who did it themselves (plan III.5.2.2), of all guided: every ended "
                + "session.\nThe other shares are of the same base and add up to 100%. Sessions in progress are in no "
                + "share until they end.\n"
        }
        if let note = report.suppressionNote { text += "\nNote: \(note).\n" }
        return text
    }

    /// The report as JSON: the period, communes and terminals covered, the rows, the indicators (null when withheld).
    public static func jsonReport(_ report: Report) -> String {
        json(ReportDocument(report: report, showKPI: report.showsIndicators), pretty: true)
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
